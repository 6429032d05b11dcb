-- Signed verifiable credentials (DESIGN.md "Credential format", docs/adr/0006-signing-keys.md).
-- Public routes (JWKS, credential download, status lists, verification) and event listeners read these tables
-- inside DataScope.asSystem; signed-in staff see only their own institution's rows, the platform everything.

-- One ES256 key pair per issuing institution and version; kid = '<issuer id>-v<version>'. The private key is
-- AES-256-GCM wrapped under the master key ('signing.key.wrapping'); earlier versions stay for the JWKS.
create table credential_signing_key (
    id                  bigint generated always as identity primary key,
    issuer_id           bigint      not null,
    version             int         not null check (version >= 1),
    kid                 text        not null unique,
    public_jwk          text        not null,
    wrapped_private_key bytea       not null,
    created_at          timestamptz not null default now(),
    retired_at          timestamptz,
    unique (issuer_id, version)
);

-- One W3C Bitstring Status List (statusPurpose 'revocation') per issuer: bit i set = credential i revoked.
-- The list is kept signed (status_jwt) so that serving it is a plain read.
create table credential_status_list (
    issuer_id   bigint primary key,
    next_index  bigint      not null default 0,
    bits        bytea       not null,
    status_jwt  text,
    version     bigint      not null default 0,
    updated_at  timestamptz not null default now()
);

create table credential (
    id                uuid primary key,
    issuer_id         bigint      not null,
    kid               text        not null references credential_signing_key (kid),
    status_list_index bigint      not null,
    jwt               text        not null,
    valid_from        timestamptz not null,
    valid_until       timestamptz,
    revoked_at        timestamptz,
    created_at        timestamptz not null default now(),
    unique (issuer_id, status_list_index)
);

alter table credential_signing_key enable row level security;
alter table credential_signing_key force row level security;
create policy credential_signing_key_scope on credential_signing_key using (
    scope_all() or (scope_kind() = 'INSTITUTION' and issuer_id = scope_org()));

alter table credential_status_list enable row level security;
alter table credential_status_list force row level security;
create policy credential_status_list_scope on credential_status_list using (
    scope_all() or (scope_kind() = 'INSTITUTION' and issuer_id = scope_org()));

alter table credential enable row level security;
alter table credential force row level security;
create policy credential_scope on credential using (
    scope_all() or (scope_kind() = 'INSTITUTION' and issuer_id = scope_org()));
