-- Mandatory training (issue 23): when a cohort's learners must complete the course, and one learner's extension.
-- Owned by the training module; the cohort and account tables are referenced, never written.

-- At most one of the two is set: a fixed "complete by" date, or a number of days from joining (new starters).
create table cohort_due_rule (
    cohort_id   bigint primary key references cohort (id) on delete cascade,
    complete_by date,
    within_days integer,
    set_by      bigint references user_account (id) on delete set null,
    set_at      timestamp(6) with time zone not null
);

-- One learner's later due date in one cohort, with the instructor's reason (also in the audit log).
create table due_extension (
    cohort_id   bigint        not null references cohort (id) on delete cascade,
    user_id     bigint        not null references user_account (id) on delete cascade,
    due_on      date          not null,
    reason      varchar(500)  not null,
    extended_by bigint references user_account (id) on delete set null,
    extended_at timestamp(6) with time zone not null,
    constraint pk_due_extension primary key (cohort_id, user_id)
);
create index ix_due_extension_user on due_extension (user_id);
