-- Issue #14: how an account's address was proven. Only a link mailed to it (verification or reset)
-- makes the configured first admin; an address an identity provider vouches for does not.
alter table account add column email_proof varchar(16)
    check (email_proof in ('MAILED_LINK', 'PROVIDER'));

-- Accounts verified before: by a mailed link when the audit log shows a verification or an email
-- change, else by their provider.
update account set email_proof = case
        when exists (select 1 from audit_event e
                     where e.actor_id = account.id and e.outcome = 'SUCCESS'
                       and e.action in ('EMAIL_VERIFIED', 'EMAIL_CHANGE')) then 'MAILED_LINK'
        else 'PROVIDER' end
    where email_verified;
