package org.yuxun.people.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.stereotype.Repository;
import org.yuxun.people.OrgRef;
import org.yuxun.people.PersonSummary;
import org.yuxun.people.Relation;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.Sex;

/**
 * SQL of the person registry. Bulk statements take whole columns as PostgreSQL arrays and {@code unnest} them, so
 * a batch of thousands of rows costs a handful of round trips. Every statement runs in the data scope of the
 * connection it is given: row-level security decides what it reads and may write.
 */
@Repository
public class PersonStore {

    /** Rows per statement of the bulk operations: large enough to amortise a round trip, small enough to plan. */
    public static final int CHUNK = 5_000;

    private static final HexFormat HEX = HexFormat.of();

    /** A person already on file, as the registration needs them: to compare the name, never to show it. */
    public record OnFile(long id, String name, String documentMasked, byte[] hash) {

        public String key() {
            return HEX.formatHex(hash);
        }
    }

    /** A person to insert: everything already encrypted, hashed and masked. */
    public record NewPerson(String name, DocumentType documentType, byte[] documentCipher, byte[] documentHash,
                            String documentMasked, Sex sex, LocalDate birthDate, byte[] phoneCipher,
                            String phoneMasked) {

        public String key() {
            return HEX.formatHex(documentHash);
        }
    }

    /** A person as stored, masked columns only. */
    public record Row(long id, String name, DocumentType documentType, String documentMasked, Sex sex,
                      LocalDate birthDate, String phoneMasked, int version) {
    }

    /** A relationship as stored. */
    public record LinkRow(OrgRef.Kind orgKind, long orgId, Relation relation, Instant since) {
    }

    /** An encrypted value with its masked form. */
    public record Encrypted(byte[] cipher, String masked) {
    }

    /**
     * Search filters in stored form.
     *
     * @param text whether the user searched for text at all; if so, a row must match the name part or one of the
     *     hashes, and with neither nothing matches
     * @param namePart part of a name, or {@code null}
     * @param documentHashes lookup hashes of the documents the text could be the number of
     */
    public record Filter(boolean text, String namePart, List<byte[]> documentHashes, DocumentType documentType,
                         Sex sex) {
    }

    private static final String VISIBLE_PHONE = """
            coalesce((select c.phone_masked from person_contact c where c.person_id = p.id
                      order by c.updated_at desc limit 1), p.phone_masked)""";

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Key of a document hash in maps: its hex form. */
    public static String key(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** The persons whose document hash is among the given ones. */
    public List<OnFile> findByHashes(List<byte[]> hashes) {
        List<OnFile> found = new ArrayList<>();
        for (List<byte[]> chunk : chunks(hashes)) {
            found.addAll(jdbc.sql("""
                            select id, name, document_masked, document_hash from person
                            where document_hash = any(?)""")
                    .param(array("bytea", chunk.toArray(byte[][]::new)))
                    .query((rs, n) -> new OnFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                    .list());
        }
        return found;
    }

    /**
     * Inserts the persons whose document hash is not on file yet. A row that another transaction inserted
     * meanwhile is skipped, not refused (the unique hash makes the two registrations one person).
     *
     * @return id by hash key of the rows this call inserted
     */
    public Map<String, Long> insertNew(List<NewPerson> persons) {
        Map<String, Long> inserted = new LinkedHashMap<>();
        for (List<NewPerson> chunk : chunks(persons)) {
            jdbc.sql("""
                            insert into person (name, document_type, document_cipher, document_hash, document_masked,
                                                sex, birth_date, phone_cipher, phone_masked)
                            select name, type, cipher, hash, masked, sex, birth::date, phone_cipher, phone_masked
                            from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                                 as t(name, type, cipher, hash, masked, sex, birth, phone_cipher, phone_masked)
                            on conflict (document_hash) do nothing
                            returning id, document_hash""")
                    .param(array("text", chunk.stream().map(NewPerson::name).toArray(String[]::new)))
                    .param(array("text", chunk.stream().map(p -> p.documentType().name()).toArray(String[]::new)))
                    .param(array("bytea", chunk.stream().map(NewPerson::documentCipher).toArray(byte[][]::new)))
                    .param(array("bytea", chunk.stream().map(NewPerson::documentHash).toArray(byte[][]::new)))
                    .param(array("text", chunk.stream().map(NewPerson::documentMasked).toArray(String[]::new)))
                    .param(array("text", chunk.stream().map(p -> p.sex() == null ? null : p.sex().name())
                            .toArray(String[]::new)))
                    .param(array("text", chunk.stream().map(p -> p.birthDate() == null ? null : p.birthDate().toString())
                            .toArray(String[]::new)))
                    .param(array("bytea", chunk.stream().map(NewPerson::phoneCipher).toArray(byte[][]::new)))
                    .param(array("text", chunk.stream().map(NewPerson::phoneMasked).toArray(String[]::new)))
                    .query((rs, n) -> Map.entry(key(rs.getBytes(2)), rs.getLong(1)))
                    .list()
                    .forEach(row -> inserted.put(row.getKey(), row.getValue()));
        }
        return inserted;
    }

    /**
     * Links the persons to the organisation in the relationship, where not linked already.
     *
     * @return the ids newly linked
     */
    public Set<Long> link(List<Long> personIds, OrgRef org, Relation relation, String regionCode, String orgType) {
        Set<Long> linked = new HashSet<>();
        for (List<Long> chunk : chunks(personIds)) {
            linked.addAll(jdbc.sql("""
                            insert into person_link (person_id, org_kind, org_id, relation, region_code, org_type)
                            select id, ?, ?, ?, ?, ? from unnest(?) as t(id)
                            on conflict do nothing
                            returning person_id""")
                    .param(org.kind().name())
                    .param(org.id())
                    .param(relation.name())
                    .param(regionCode)
                    .param(orgType)
                    .param(array("bigint", chunk.toArray(Long[]::new)))
                    .query(Long.class)
                    .list());
        }
        return linked;
    }

    /**
     * Sets the contact numbers the organisation holds for the persons; one entry per person.
     *
     * @param regionCode and {@code orgType}: the organisation's, as on its links
     */
    public void saveContacts(OrgRef org, String regionCode, String orgType, Map<Long, Encrypted> phones) {
        List<Map.Entry<Long, Encrypted>> entries = new ArrayList<>(phones.entrySet());
        for (List<Map.Entry<Long, Encrypted>> chunk : chunks(entries)) {
            jdbc.sql("""
                            insert into person_contact (person_id, org_kind, org_id, region_code, org_type,
                                                        phone_cipher, phone_masked)
                            select id, ?, ?, ?, ?, cipher, masked from unnest(?, ?, ?) as t(id, cipher, masked)
                            on conflict (person_id, org_kind, org_id) do update
                               set phone_cipher = excluded.phone_cipher, phone_masked = excluded.phone_masked,
                                   updated_at = now()""")
                    .param(org.kind().name())
                    .param(org.id())
                    .param(regionCode)
                    .param(orgType)
                    .param(array("bigint", chunk.stream().map(Map.Entry::getKey).toArray(Long[]::new)))
                    .param(array("bytea", chunk.stream().map(e -> e.getValue().cipher()).toArray(byte[][]::new)))
                    .param(array("text", chunk.stream().map(e -> e.getValue().masked()).toArray(String[]::new)))
                    .update();
        }
    }

    /** Removes the contact number the organisation holds for the person. */
    public void removeContact(long personId, OrgRef org) {
        jdbc.sql("delete from person_contact where person_id = ? and org_kind = ? and org_id = ?")
                .params(personId, org.kind().name(), org.id())
                .update();
    }

    /** Sets the person's own number (kept on the person record, for persons no organisation registered). */
    public void setOwnPhone(long personId, Encrypted phone) {
        jdbc.sql("update person set phone_cipher = ?, phone_masked = ?, updated_at = now() where id = ?")
                .params(phone == null ? null : phone.cipher(), phone == null ? null : phone.masked(), personId)
                .update();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select id, name, document_type, document_masked, sex, birth_date, " + VISIBLE_PHONE
                        + " as phone_masked, version from person p where id = ?")
                .param(id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"),
                        DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_masked"),
                        sex(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("phone_masked"), rs.getInt("version")))
                .optional();
    }

    public List<LinkRow> links(long personId) {
        return jdbc.sql("""
                        select org_kind, org_id, relation, created_at from person_link
                        where person_id = ? order by created_at, org_kind, org_id, relation""")
                .param(personId)
                .query((rs, n) -> new LinkRow(OrgRef.Kind.valueOf(rs.getString(1)), rs.getLong(2),
                        Relation.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public Optional<byte[]> documentCipher(long id) {
        return jdbc.sql("select document_cipher from person where id = ?").param(id).query(byte[].class).optional();
    }

    /** The stored document ciphers of the persons the caller's scope reaches, by person. */
    public Map<Long, byte[]> documentCiphers(Collection<Long> ids) {
        Map<Long, byte[]> ciphers = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(new HashSet<>(ids)))) {
            jdbc.sql("select id, document_cipher from person where id = any(?)")
                    .param(array("bigint", chunk.toArray(Long[]::new)))
                    .query(rs -> {
                        ciphers.put(rs.getLong(1), rs.getBytes(2));
                    });
        }
        return ciphers;
    }

    /** The number the caller may see for the person: the organisation's own contact, else the person's own. */
    public Optional<byte[]> visiblePhoneCipher(long id) {
        return jdbc.sql("""
                        select coalesce((select c.phone_cipher from person_contact c where c.person_id = p.id
                                         order by c.updated_at desc limit 1), p.phone_cipher)
                        from person p where p.id = ?""")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
                .optional()
                .flatMap(cipher -> cipher);
    }

    /**
     * Writes the name and counts a new version.
     *
     * @throws OptimisticLockingFailureException when the row is no longer at the expected version
     */
    public void update(long id, String name, int expectedVersion) {
        int updated = jdbc.sql("""
                        update person set name = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(name, id, expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Person " + id + " was changed by someone else");
        }
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
    }

    public List<PersonSummary> search(Filter filter, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select p.id, p.name, p.document_type, p.document_masked, p.sex, p.birth_date, "
                        + VISIBLE_PHONE + " as phone_masked,"
                        + " (select string_agg(distinct l.relation, ',') from person_link l where l.person_id = p.id)"
                        + " as relations from person p" + where + " order by p.id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> new PersonSummary(rs.getLong("id"), rs.getString("name"),
                        DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_masked"),
                        sex(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("phone_masked"), relations(rs.getString("relations"))))
                .list();
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.text()) {
            where.append(" and (false");
            if (filter.namePart() != null) {
                where.append(" or p.name ilike ? escape '\\'");
                params.add("%" + likeEscape(filter.namePart()) + "%");
            }
            if (!filter.documentHashes().isEmpty()) {
                where.append(" or p.document_hash = any(?)");
                params.add(array("bytea", filter.documentHashes().toArray(byte[][]::new)));
            }
            where.append(')');
        }
        if (filter.documentType() != null) {
            where.append(" and p.document_type = ?");
            params.add(filter.documentType().name());
        }
        if (filter.sex() != null) {
            where.append(" and p.sex = ?");
            params.add(filter.sex().name());
        }
        return where.toString();
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<Relation> relations(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(Relation::valueOf).sorted().toList();
    }

    private static Sex sex(String value) {
        return value == null ? null : Sex.valueOf(value);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** A PostgreSQL array parameter, made on the statement's own connection. */
    private static SqlTypeValue array(String elementType, Object[] elements) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName)
                    throws SQLException {
                return connection.createArrayOf(elementType, elements);
            }
        };
    }
}
