-- Public verification keeps each certificate's verdict in memory on every node (docs/adr/0007). Every node asks,
-- every few seconds, which certificates were revoked in the last minutes; this index keeps that question to the
-- few revoked rows instead of a scan of all certificates.
create index certificate_revoked_at_idx on certificate (revoked_at) where revoked_at is not null;
