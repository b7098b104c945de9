-- Issue 14 item 4: a proxy per session or per API pair (the session's own wins). The password or
-- MTProto secret is sealed with the data key (DataCipher), like api_hash_encrypted. A proxy is
-- whole or absent: type, server and port are set together.
ALTER TABLE telegram_session
    ADD COLUMN proxy_type             VARCHAR(8) CHECK (proxy_type IN ('SOCKS5', 'HTTP', 'MTPROTO')),
    ADD COLUMN proxy_server           VARCHAR(253),
    ADD COLUMN proxy_port             INT CHECK (proxy_port BETWEEN 1 AND 65535),
    ADD COLUMN proxy_username         VARCHAR(255),
    ADD COLUMN proxy_secret_encrypted VARCHAR(1024),
    ADD CONSTRAINT telegram_session_proxy_whole CHECK (
        (proxy_type IS NULL) = (proxy_server IS NULL) AND (proxy_type IS NULL) = (proxy_port IS NULL));

ALTER TABLE api_pair
    ADD COLUMN proxy_type             VARCHAR(8) CHECK (proxy_type IN ('SOCKS5', 'HTTP', 'MTPROTO')),
    ADD COLUMN proxy_server           VARCHAR(253),
    ADD COLUMN proxy_port             INT CHECK (proxy_port BETWEEN 1 AND 65535),
    ADD COLUMN proxy_username         VARCHAR(255),
    ADD COLUMN proxy_secret_encrypted VARCHAR(1024),
    ADD CONSTRAINT api_pair_proxy_whole CHECK (
        (proxy_type IS NULL) = (proxy_server IS NULL) AND (proxy_type IS NULL) = (proxy_port IS NULL));
