-- A login's TDLib client lives on the node that holds the session's lease (SPEC rule 15), and an
-- admin's next step (code, new code, password, a start again) reaches any node. A node without the client leaves
-- the step here for the holder, which takes it (its secret cleared at once), runs it on its client
-- and writes the answer; the asking node reads the answer and deletes the row (LoginStepMailbox,
-- JdbcLoginStepMailbox). Rows live for seconds; one whose asker died is deleted by a later post
-- after ten minutes. No foreign key: like session_lease, a step may outlive a deleted session.
CREATE TABLE session_login_step (
    id             BIGSERIAL     PRIMARY KEY,
    session_id     BIGINT        NOT NULL,
    kind           VARCHAR(10)   NOT NULL CHECK (kind IN ('START', 'CODE', 'RESEND', 'PASSWORD')),
    secret         TEXT,         -- phone, code or password, DataCipher ciphertext, until taken
    asked_by       VARCHAR(100)  NOT NULL,
    asked_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    taken_by       VARCHAR(100),
    answer_step    VARCHAR(20),
    answer_detail  TEXT
);
CREATE INDEX session_login_step_asked_idx ON session_login_step (session_id) WHERE taken_by IS NULL;
