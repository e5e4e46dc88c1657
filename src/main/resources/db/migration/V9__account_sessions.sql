-- Account lifecycle: an account can be deactivated (it cannot log in, and its open sessions end), and all
-- of an account's sessions can be ended at once (after a password reset, a role change or deactivation):
-- a session that began before sessions_valid_after is closed on its next request, on every node.
alter table user_account add column active boolean not null default true;
alter table user_account add column sessions_valid_after timestamp(6) with time zone;
