package org.yuxun.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.people.PersonRef.Outcome;
import org.yuxun.people.internal.DocumentCipher;
import org.yuxun.people.internal.DocumentCipher.Field;
import org.yuxun.people.internal.PersonStore;
import org.yuxun.people.internal.PersonStore.Encrypted;
import org.yuxun.people.internal.PersonStore.NewPerson;
import org.yuxun.people.internal.PersonStore.OnFile;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.IdentityNumber;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.PersonDocument;
import org.yuxun.shared.PhoneNumber;
import org.yuxun.shared.SaltedDigest;
import org.yuxun.shared.Sex;
import org.yuxun.shared.Text;

/**
 * The register of real-name persons (实名制): one record per human across all institutions, identified by their
 * identity document (居民身份证 per GB 11643, 港澳台居民居住证, 护照), and the relationships through which
 * organisations know them.
 *
 * <p>Personal data is protected as DESIGN.md ("Personal data (PIPL)") requires: the document number is stored
 * only encrypted, with a keyed hash for lookup and a masked copy for display; phone numbers likewise. Plain
 * numbers never reach the database, so no SQL error text or log line can carry one. Revealing a full number is a
 * separate, audited call.
 *
 * <p>Everything runs in the caller's data scope except the lookup by document hash at registration, which must
 * look across institutions to keep one record per human. That lookup returns only its finding (on file or not;
 * the name matches or not), never what another institution recorded (DESIGN.md, "Data scope, precisely").
 */
@Service
public class PersonRegistry {

    private final PersonStore store;
    private final DocumentCipher cipher;
    private final OrganizationDirectory organizations;
    private final AuditLog audit;

    PersonRegistry(PersonStore store, DocumentCipher cipher, OrganizationDirectory organizations, AuditLog audit) {
        this.store = store;
        this.cipher = cipher;
        this.organizations = organizations;
        this.audit = audit;
    }

    /**
     * Registers a person, or links the person already on file with the same document, to the organisation.
     * Two organisations registering the same new person at the same moment end with one person: the unique
     * document hash makes the second insert wait for the first and then find its row.
     *
     * @param relation the caller's organisation and how it knows the person; {@code null} for a platform
     *     administrator, whose registration links the person to no organisation
     * @throws InvalidInput at {@code documentType}, {@code documentNumber}, {@code name} or {@code phone}; at
     *     {@code name} with code {@code person.name.mismatch} when the document is on file under another name,
     *     which is not revealed
     */
    @Transactional
    public PersonRef register(RegisterPerson command, OrgRelation relation) {
        RegisterPerson.Validated row = command.validate();
        PersonRef ref = registerValidated(List.of(row), relation, i -> "").getFirst();
        String action = switch (ref.outcome()) {
            case REGISTERED -> "REGISTER";
            case LINKED -> "LINK";
            case ALREADY_LINKED, FOUND -> row.phone() == null ? null : "UPDATE_CONTACT";
        };
        if (action != null) {
            audit.record(action, "Person", ref.id(), row.name().value(), null, snapshot(ref, row, relation));
        }
        return ref;
    }

    /**
     * {@link #register} for many rows at once, as the roster import needs it: the rows are validated, hashed and
     * encrypted in Java, then looked up, inserted and linked with a few set-based statements per
     * {@value PersonStore#CHUNK} rows, in one transaction. Rows with the same document are one person. One audit
     * entry records the batch.
     *
     * @return one reference per row, in the order of the rows
     * @throws InvalidInput for every wrong row, at {@code rows[i].field} (i zero-based); nothing is saved then
     */
    @Transactional
    public List<PersonRef> registerAll(List<RegisterPerson> commands, OrgRelation relation) {
        List<RegisterPerson.Validated> rows = new ArrayList<>(commands.size());
        List<InvalidInput.Violation> problems = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            try {
                rows.add(commands.get(i).validate());
            } catch (InvalidInput e) {
                String prefix = rowPrefix(i);
                e.violations().forEach(v -> problems.add(new InvalidInput.Violation(prefix + v.field(), v.code(),
                        v.defaultMessage(), v.args())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<PersonRef> refs = registerValidated(rows, relation, PersonRegistry::rowPrefix);
        if (!refs.isEmpty()) {
            Set<Long> registered = new LinkedHashSet<>();
            Set<Long> linked = new LinkedHashSet<>();
            refs.forEach(r -> {
                if (r.outcome() == Outcome.REGISTERED) {
                    registered.add(r.id());
                } else if (r.outcome() == Outcome.LINKED) {
                    linked.add(r.id());
                }
            });
            audit.record("REGISTER_BATCH", "Person", null,
                    "批量登记 " + refs.size() + " 行：新登记 " + registered.size() + " 人，关联 " + linked.size() + " 人",
                    null, new BatchSnapshot(refs.size(), registered, linked, organisation(relation),
                            relation == null ? null : relation.relation()));
        }
        return refs;
    }

    /** The person with this document, if the caller's data scope reaches them. */
    @Transactional(readOnly = true)
    public Optional<PersonRef> findByDocument(PersonDocument document) {
        byte[] hash = cipher.lookupHash(document.type(), document.number());
        return store.findByHashes(List.of(hash)).stream().findFirst()
                .map(f -> new PersonRef(f.id(), f.name(), f.documentMasked(), Outcome.FOUND));
    }

    /**
     * {@link #findByDocument} for many documents at once, as the roster import's checks need it: one query per
     * {@value PersonStore#CHUNK} documents by their lookup hashes instead of one per document. Like
     * {@link #findByDocument} it runs in the caller's data scope, so a person registered only by another
     * organisation is not found and nothing another organisation knows is revealed.
     *
     * @return the persons found, by the document they were asked for; documents not on file or out of scope are
     *     absent
     */
    @Transactional(readOnly = true)
    public Map<PersonDocument, PersonRef> findAllByDocument(Collection<PersonDocument> documents) {
        Map<String, PersonDocument> byKey = new LinkedHashMap<>();
        List<byte[]> hashes = new ArrayList<>(documents.size());
        for (PersonDocument document : documents) {
            byte[] hash = cipher.lookupHash(document.type(), document.number());
            if (byKey.putIfAbsent(PersonStore.key(hash), document) == null) {
                hashes.add(hash);
            }
        }
        Map<PersonDocument, PersonRef> found = new HashMap<>();
        for (OnFile person : store.findByHashes(hashes)) {
            found.put(byKey.get(person.key()),
                    new PersonRef(person.id(), person.name(), person.documentMasked(), Outcome.FOUND));
        }
        return found;
    }

    /**
     * Persons the caller's data scope reaches, newest first.
     *
     * @param size rows per page
     */
    @Transactional(readOnly = true)
    public Page<PersonSummary> search(PersonQuery query, int page, int size) {
        PersonStore.Filter filter = filter(query);
        long total = store.count(filter);
        return new Page<>(store.search(filter, size, (long) page * size), page, size, total);
    }

    /**
     * The person with masked document and phone and the relationships the caller may see.
     *
     * @throws NotFound when there is no such person or the caller's scope does not reach them
     */
    @Transactional(readOnly = true)
    public PersonView get(long id) {
        PersonStore.Row row = store.find(id).orElseThrow(() -> new NotFound("Person", id));
        List<PersonView.Link> links = store.links(id).stream()
                .map(l -> new PersonView.Link(l.orgKind(), l.orgId(), organisationName(l.orgKind(), l.orgId()),
                        l.relation(), l.since()))
                .toList();
        return new PersonView(row.id(), row.name(), row.documentType(), row.documentMasked(), row.sex(),
                row.birthDate(), row.phoneMasked(), links, row.version());
    }

    /**
     * The full document number. The caller checks the {@code PERSON_REVEAL_IDENTITY} permission; every reveal is
     * audited here as {@code REVEAL_IDENTITY}, in the caller's transaction (PIPL art. 51; DESIGN.md, "Personal
     * data"). The audit entry records who looked, never the number.
     *
     * @throws NotFound when the caller's scope does not reach the person
     */
    @Transactional
    public String reveal(long id) {
        byte[] stored = store.documentCipher(id).orElseThrow(() -> new NotFound("Person", id));
        String number = cipher.decrypt(Field.DOCUMENT, stored);
        audit.record("REVEAL_IDENTITY", "Person", id, "查看完整证件号码", null, null);
        return number;
    }

    /**
     * Salted digests of the persons' document numbers ({@link SaltedDigest}), for a signed credential that names
     * its holder by a hash of the number (DESIGN.md, "Credential format"). The number is decrypted and hashed here
     * and never leaves this module, so nothing is revealed and no {@code REVEAL_IDENTITY} entry is written: the
     * digest only lets someone who already knows the number confirm it. One query for all the persons, so a class's
     * certificates are issued without a decryption round trip each. Runs in the caller's data scope.
     *
     * @return a digest per person found; persons out of scope or unknown are absent
     */
    @Transactional(readOnly = true)
    public Map<Long, SaltedDigest> documentDigests(Collection<Long> ids) {
        Map<Long, SaltedDigest> digests = new HashMap<>();
        store.documentCiphers(ids).forEach((id, stored) ->
                digests.put(id, SaltedDigest.of(cipher.decrypt(Field.DOCUMENT, stored))));
        return digests;
    }

    /**
     * The full phone number the caller's organisation holds for the person (or the person's own), if any. Same
     * rules as {@link #reveal}; audited as {@code REVEAL_PHONE}.
     */
    @Transactional
    public Optional<String> revealPhone(long id) {
        if (store.find(id).isEmpty()) {
            throw new NotFound("Person", id);
        }
        Optional<String> phone = store.visiblePhoneCipher(id).map(c -> cipher.decrypt(Field.PHONE, c));
        if (phone.isPresent()) {
            audit.record("REVEAL_PHONE", "Person", id, "查看完整手机号码", null, null);
        }
        return phone;
    }

    /**
     * Corrects the name or changes the contact number. The document stays: it is what makes this record this
     * human. A changed name must be confirmed, because every organisation linked to the person sees it and later
     * registrations of the document are checked against it.
     *
     * @param org the caller's organisation, whose contact number is changed; {@code null} for a platform
     *     administrator, who changes the person's own number
     * @throws InvalidInput at {@code name} or {@code phone}
     * @throws org.springframework.dao.OptimisticLockingFailureException when someone saved the person since
     *     {@code command.version()}
     */
    @Transactional
    public void edit(long id, EditPerson command, OrgRef org) {
        PersonView before = get(id);
        List<InvalidInput.Violation> problems = new ArrayList<>();
        PersonName name = null;
        try {
            name = PersonName.of(command.name());
            if (!name.value().equals(before.name()) && !command.confirmNameChange()) {
                problems.add(new InvalidInput.Violation("name", "person.name.changeUnconfirmed",
                        "修改姓名须勾选确认：姓名应与证件一致，修改后所有关联单位看到的都是新姓名", new Object[0]));
            }
        } catch (InvalidValueException e) {
            problems.add(new InvalidInput.Violation("name", e.getCode(), e.getMessage(), e.getArgs()));
        }
        PhoneNumber phone = null;
        if (!command.removePhone() && command.phone() != null && !command.phone().isBlank()) {
            try {
                phone = PhoneNumber.of(command.phone());
            } catch (InvalidValueException e) {
                problems.add(new InvalidInput.Violation("phone", e.getCode(), e.getMessage(), e.getArgs()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        store.update(id, name.value(), command.version() == null ? before.version() : command.version());
        if (command.removePhone()) {
            if (org == null) {
                store.setOwnPhone(id, null);
            } else {
                store.removeContact(id, org);
            }
        } else if (phone != null) {
            Encrypted encrypted = encrypt(phone);
            if (org == null) {
                store.setOwnPhone(id, encrypted);
            } else {
                OrgFacts facts = facts(org);
                store.saveContacts(org, facts.regionCode(), facts.orgType(), Map.of(id, encrypted));
            }
        }
        PersonView after = get(id);
        audit.record("UPDATE", "Person", id, after.name(), EditSnapshot.of(before), EditSnapshot.of(after));
    }

    private List<PersonRef> registerValidated(List<RegisterPerson.Validated> rows, OrgRelation relation,
                                              IntFunction<String> prefix) {
        int count = rows.size();
        byte[][] hashes = new byte[count][];
        String[] keys = new String[count];
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        List<InvalidInput.Violation> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PersonDocument document = rows.get(i).document();
            hashes[i] = cipher.lookupHash(document.type(), document.number());
            keys[i] = PersonStore.key(hashes[i]);
            Integer first = firstRow.putIfAbsent(keys[i], i);
            if (first != null && !rows.get(first).name().sameAs(rows.get(i).name().value())) {
                problems.add(new InvalidInput.Violation(prefix.apply(i) + "name", "person.batch.nameConflict",
                        "同一证件号码在本批数据中出现多次，且姓名不一致", new Object[0]));
            }
        }
        List<byte[]> distinct = firstRow.values().stream().map(i -> hashes[i]).toList();
        Map<String, OnFile> onFile = byKey(DataScope.asSystem(() -> store.findByHashes(distinct)));
        checkNames(rows, keys, onFile, prefix, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }

        List<NewPerson> fresh = firstRow.entrySet().stream()
                .filter(e -> !onFile.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> newPerson(rows.get(e.getValue()), hashes[e.getValue()], relation == null))
                .toList();
        Map<String, Long> inserted = fresh.isEmpty() ? Map.of() : DataScope.asSystem(() -> store.insertNew(fresh));
        List<byte[]> raced = fresh.stream().filter(p -> !inserted.containsKey(p.key()))
                .map(NewPerson::documentHash).toList();
        if (!raced.isEmpty()) {
            onFile.putAll(byKey(DataScope.asSystem(() -> store.findByHashes(raced))));
            checkNames(rows, keys, onFile, prefix, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
        Map<String, Long> ids = new HashMap<>(inserted);
        onFile.forEach((key, person) -> ids.put(key, person.id()));

        Set<Long> linked = relation == null ? Set.of() : link(rows, keys, ids, relation);
        if (relation == null) {
            for (int i : firstRow.values()) {
                PhoneNumber phone = rows.get(i).phone();
                if (phone != null && !inserted.containsKey(keys[i])) {
                    store.setOwnPhone(ids.get(keys[i]), encrypt(phone));
                }
            }
        }

        List<PersonRef> refs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = ids.get(keys[i]);
            Outcome outcome = inserted.containsKey(keys[i]) ? Outcome.REGISTERED
                    : relation == null ? Outcome.FOUND
                    : linked.contains(id) ? Outcome.LINKED : Outcome.ALREADY_LINKED;
            refs.add(new PersonRef(id, rows.get(i).name().value(), rows.get(i).document().masked(), outcome));
        }
        return refs;
    }

    /** Links every person to the organisation and saves the contact numbers given; returns the newly linked. */
    private Set<Long> link(List<RegisterPerson.Validated> rows, String[] keys, Map<String, Long> ids,
                           OrgRelation relation) {
        OrgRef org = relation.org();
        OrgFacts facts = facts(org);
        List<Long> personIds = ids.values().stream().distinct().sorted(Comparator.naturalOrder()).toList();
        Set<Long> linked = store.link(personIds, org, relation.relation(), facts.regionCode(), facts.orgType());
        Map<Long, Encrypted> phones = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            PhoneNumber phone = rows.get(i).phone();
            if (phone != null) {
                phones.put(ids.get(keys[i]), encrypt(phone));
            }
        }
        if (!phones.isEmpty()) {
            store.saveContacts(org, facts.regionCode(), facts.orgType(), phones);
        }
        return linked;
    }

    private static void checkNames(List<RegisterPerson.Validated> rows, String[] keys, Map<String, OnFile> onFile,
                                   IntFunction<String> prefix, List<InvalidInput.Violation> problems) {
        for (int i = 0; i < rows.size(); i++) {
            OnFile person = onFile.get(keys[i]);
            if (person != null && !rows.get(i).name().sameAs(person.name())) {
                problems.add(new InvalidInput.Violation(prefix.apply(i) + "name", "person.name.mismatch",
                        "该证件号码已登记，姓名与登记信息不一致，请核对", new Object[0]));
            }
        }
    }

    private NewPerson newPerson(RegisterPerson.Validated row, byte[] hash, boolean ownPhone) {
        PersonDocument document = row.document();
        Optional<IdentityNumber> identity = document.identityNumber();
        Sex sex = identity.map(IdentityNumber::sex).orElse(null);
        Encrypted phone = ownPhone && row.phone() != null ? encrypt(row.phone()) : null;
        return new NewPerson(row.name().value(), document.type(), cipher.encrypt(Field.DOCUMENT, document.number()),
                hash, document.masked(), sex, identity.map(IdentityNumber::birthDate).orElse(null),
                phone == null ? null : phone.cipher(), phone == null ? null : phone.masked());
    }

    private Encrypted encrypt(PhoneNumber phone) {
        return new Encrypted(cipher.encrypt(Field.PHONE, phone.value()), phone.masked());
    }

    /**
     * A name part, and the lookup hash of every document the text could be the full number of: numbers are stored
     * encrypted, so they are matched whole or not at all. Text with a digit is never a name ({@link PersonName}),
     * so it is not searched as one either, and never reaches a SQL parameter in plain.
     */
    private PersonStore.Filter filter(PersonQuery query) {
        String text = Text.normalise(query.text());
        if (text == null || text.isEmpty()) {
            return new PersonStore.Filter(false, null, List.of(), query.documentType(), query.sex());
        }
        List<byte[]> hashes = new ArrayList<>();
        for (DocumentType type : DocumentType.values()) {
            if (PersonDocument.isValid(type, text)) {
                PersonDocument document = PersonDocument.of(type, text);
                hashes.add(cipher.lookupHash(type, document.number()));
            }
        }
        boolean name = text.chars().noneMatch(Character::isDigit);
        return new PersonStore.Filter(true, name ? text : null, hashes, query.documentType(), query.sex());
    }

    /** Region and type of the organisation, recorded on the link so authorities' remit can be decided by it. */
    private OrgFacts facts(OrgRef org) {
        Optional<OrgFacts> facts = switch (org.kind()) {
            case INSTITUTION -> organizations.institution(org.id())
                    .map(i -> new OrgFacts(i.regionCode(), i.kind().name()));
            case ENTERPRISE -> organizations.enterprise(org.id())
                    .map(e -> new OrgFacts(e.regionCode(), "ENTERPRISE"));
        };
        return facts.orElseThrow(() -> new IllegalArgumentException("No " + org.kind() + " with id " + org.id()));
    }

    private String organisationName(OrgRef.Kind kind, long id) {
        return switch (kind) {
            case INSTITUTION -> organizations.institutionName(id).orElse("");
            case ENTERPRISE -> organizations.enterpriseName(id).orElse("");
        };
    }

    private static Map<String, OnFile> byKey(List<OnFile> found) {
        Map<String, OnFile> map = new HashMap<>();
        found.forEach(f -> map.put(f.key(), f));
        return map;
    }

    private static String rowPrefix(int row) {
        return "rows[" + row + "].";
    }

    private static String organisation(OrgRelation relation) {
        return relation == null ? null : relation.org().kind() + ":" + relation.org().id();
    }

    private static PersonSnapshot snapshot(PersonRef ref, RegisterPerson.Validated row, OrgRelation relation) {
        return new PersonSnapshot(ref.name(), row.document().type(), ref.documentMasked(),
                row.phone() == null ? null : row.phone().masked(), organisation(relation),
                relation == null ? null : relation.relation());
    }

    private record OrgFacts(String regionCode, String orgType) {
    }

    /** What the audit trail keeps of a registration: masked values only. */
    private record PersonSnapshot(String name, DocumentType documentType, String documentMasked, String phoneMasked,
                                  String organisation, Relation relation) {
    }

    /** What the audit trail keeps of an edit: masked values only. */
    private record EditSnapshot(String name, String documentMasked, String phoneMasked, int version) {

        static EditSnapshot of(PersonView view) {
            return new EditSnapshot(view.name(), view.documentMasked(), view.phoneMasked(), view.version());
        }
    }

    /** What the audit trail keeps of a batch registration. */
    private record BatchSnapshot(int rows, Set<Long> registered, Set<Long> linked, String organisation,
                                 Relation relation) {
    }
}
