"""The initial schema: staff and site registers, plans with their input, solutions, audit log.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 10:57:28.947499
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('plan_name', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index(op.f('ix_audit_log_plan_name'), 'audit_log', ['plan_name'], unique=False)
    op.create_table('plans',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('blank_means', sa.String(length=16), nullable=False),
    sa.Column('min_rest_minutes', sa.Integer(), server_default='0', nullable=False),
    sa.Column('travel_same_site', sa.Integer(), nullable=False),
    sa.Column('travel_same_group', sa.Integer(), nullable=False),
    sa.Column('travel_other_group', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('name', name=op.f('uq_plans_name'))
    )
    op.create_table('sites',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('area', sa.String(length=200), nullable=False),
    sa.Column('travel_group', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sites')),
    sa.UniqueConstraint('name', name=op.f('uq_sites_name'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('code', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('home', sa.String(length=200), nullable=False),
    sa.Column('max_per_day', sa.Integer(), nullable=True),
    sa.Column('max_per_week', sa.Integer(), nullable=True),
    sa.Column('max_per_month', sa.Integer(), nullable=True),
    sa.Column('max_per_plan', sa.Integer(), nullable=True),
    sa.Column('min_per_plan', sa.Integer(), nullable=True),
    sa.Column('desired_per_month', sa.Integer(), nullable=True),
    sa.Column('max_consecutive_days', sa.Integer(), nullable=True),
    sa.Column('min_consecutive_days', sa.Integer(), nullable=True),
    sa.Column('min_consecutive_days_off', sa.Integer(), nullable=True),
    sa.Column('max_weekends', sa.Integer(), nullable=True),
    sa.Column('max_minutes_per_week', sa.Integer(), nullable=True),
    sa.Column('min_minutes_per_week', sa.Integer(), nullable=True),
    sa.Column('max_minutes_per_month', sa.Integer(), nullable=True),
    sa.Column('min_minutes_per_month', sa.Integer(), nullable=True),
    sa.Column('max_minutes_per_plan', sa.Integer(), nullable=True),
    sa.Column('min_minutes_per_plan', sa.Integer(), nullable=True),
    sa.Column('hourly_rate', sa.Integer(), nullable=True),
    sa.Column('annual_pay_cap', sa.Integer(), nullable=True),
    sa.Column('paid_this_year', sa.Integer(), server_default='0', nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('code', name=op.f('uq_staff_code'))
    )
    op.create_table('availability',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('mark', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_availability_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_availability_staff_id_staff')),
    sa.PrimaryKeyConstraint('plan_id', 'staff_id', 'date', name=op.f('pk_availability'))
    )
    op.create_index(op.f('ix_availability_staff_id'), 'availability', ['staff_id'], unique=False)
    op.create_table('forbidden_successions',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('earlier', sa.String(length=200), nullable=False),
    sa.Column('later', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_forbidden_successions_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'earlier', 'later', name=op.f('pk_forbidden_successions'))
    )
    op.create_table('plan_sites',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_sites_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_plan_sites_site_id_sites')),
    sa.PrimaryKeyConstraint('plan_id', 'site_id', name=op.f('pk_plan_sites'))
    )
    op.create_table('plan_staff',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_staff_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_plan_staff_staff_id_staff')),
    sa.PrimaryKeyConstraint('plan_id', 'staff_id', name=op.f('pk_plan_staff'))
    )
    op.create_table('requirements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=400), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('activity', sa.String(length=200), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.Column('min_staff', sa.Integer(), nullable=False),
    sa.Column('max_staff', sa.Integer(), nullable=True),
    sa.Column('preferred_staff', sa.Integer(), nullable=True),
    sa.Column('under_weight', sa.Integer(), nullable=False),
    sa.Column('over_weight', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_requirements_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_requirements_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requirements')),
    sa.UniqueConstraint('plan_id', 'code', name=op.f('uq_requirements_plan_id_code'))
    )
    op.create_index(op.f('ix_requirements_site_id'), 'requirements', ['site_id'], unique=False)
    op.create_table('rule_settings',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.String(length=100), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('hard', sa.Boolean(), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('staff_overrides', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_rule_settings_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'rule_id', name=op.f('pk_rule_settings'))
    )
    op.create_table('shift_requests',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('activity', sa.String(length=200), nullable=False),
    sa.Column('wants_work', sa.Boolean(), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_shift_requests_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_shift_requests_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_requests'))
    )
    op.create_index(op.f('ix_shift_requests_plan_id'), 'shift_requests', ['plan_id'], unique=False)
    op.create_index(op.f('ix_shift_requests_staff_id'), 'shift_requests', ['staff_id'], unique=False)
    op.create_table('solutions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stats', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_solutions_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_solutions')),
    sa.UniqueConstraint('plan_id', 'version', name=op.f('uq_solutions_plan_id_version'))
    )
    op.create_table('staff_activity_limits',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('activity', sa.String(length=200), nullable=False),
    sa.Column('max_count', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_activity_limits_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'activity', name=op.f('pk_staff_activity_limits'))
    )
    op.create_table('staff_skills',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('skill', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_skills_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'skill', name=op.f('pk_staff_skills'))
    )
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('solution_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('requirement_code', sa.String(length=400), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['solution_id'], ['solutions.id'], name=op.f('fk_assignments_solution_id_solutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_assignments_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments'))
    )
    op.create_index(op.f('ix_assignments_solution_id'), 'assignments', ['solution_id'], unique=False)
    op.create_index(op.f('ix_assignments_staff_id'), 'assignments', ['staff_id'], unique=False)
    op.create_table('requirement_skills',
    sa.Column('requirement_id', sa.Integer(), nullable=False),
    sa.Column('skill', sa.String(length=200), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['requirement_id'], ['requirements.id'], name=op.f('fk_requirement_skills_requirement_id_requirements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('requirement_id', 'skill', name=op.f('pk_requirement_skills'))
    )


def downgrade() -> None:
    op.drop_table('requirement_skills')
    op.drop_index(op.f('ix_assignments_staff_id'), table_name='assignments')
    op.drop_index(op.f('ix_assignments_solution_id'), table_name='assignments')
    op.drop_table('assignments')
    op.drop_table('staff_skills')
    op.drop_table('staff_activity_limits')
    op.drop_table('solutions')
    op.drop_index(op.f('ix_shift_requests_staff_id'), table_name='shift_requests')
    op.drop_index(op.f('ix_shift_requests_plan_id'), table_name='shift_requests')
    op.drop_table('shift_requests')
    op.drop_table('rule_settings')
    op.drop_index(op.f('ix_requirements_site_id'), table_name='requirements')
    op.drop_table('requirements')
    op.drop_table('plan_staff')
    op.drop_table('plan_sites')
    op.drop_table('forbidden_successions')
    op.drop_index(op.f('ix_availability_staff_id'), table_name='availability')
    op.drop_table('availability')
    op.drop_table('staff')
    op.drop_table('sites')
    op.drop_table('plans')
    op.drop_index(op.f('ix_audit_log_plan_name'), table_name='audit_log')
    op.drop_table('audit_log')
