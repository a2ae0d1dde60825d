-- Mailed links share one table: email verification (of a new account or of a changed address) and
-- password reset. Single use, stored only as SHA-256 hashes, valid for a limited time.
alter table email_verification rename to one_time_token;
alter index email_verification_account_idx rename to one_time_token_account_idx;
alter table one_time_token add column purpose varchar(20) not null default 'VERIFY_EMAIL'
    check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD'));
alter table one_time_token alter column purpose drop default;
