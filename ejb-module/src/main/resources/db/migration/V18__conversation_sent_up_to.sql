-- A sender has read everything up to the message they send. That used to be an upsert of the sender's
-- read_state row in every send's transaction (a fifth of a chat message's server CPU); it is now two
-- columns of the conversation row, which the send updates anyway. A member's read pointer is the
-- greater of their read_state and what they sent (columns by the match's user_a and user_b).
alter table conversation
    add column a_sent_up_to bigint not null default 0,
    add column b_sent_up_to bigint not null default 0;
