-- ShedLock's lock table (net.javacrumbs.shedlock, JdbcTemplateLockProvider): a scheduled job such as the nightly
-- backup takes a row here before it runs, so with several app nodes sharing the database it runs on one of them.
-- Plain TIMESTAMP: the provider is configured usingDbTime(), so the database writes and compares these values
-- itself (in UTC) and the nodes' clocks do not matter. The same DDL works on H2 and PostgreSQL.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null,
    primary key (name)
);
