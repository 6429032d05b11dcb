package org.yuxun.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.identity.internal.UserStore;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidInput.Violation;

/**
 * Sign-in accounts for learners, so that a learner can check in as themselves (DESIGN.md, "Attendance threats")
 * and see their own training. A learner account belongs to no organisation and holds the built-in role
 * {@link BuiltinRole#LEARNER}: its data scope is the learner's own person record. A person has at most one.
 *
 * <p>The username is generated ({@code xy} and eight digits) rather than the learner's phone or identity number:
 * usernames are stored, listed, logged and written into the audit trail in clear, while the people module keeps
 * both numbers only encrypted (DESIGN.md, "Personal data (PIPL)"); a phone is also often shared within a family
 * and changes, and a roster row may have none.
 *
 * <p>Accounts are written in system scope: a learner account lies outside every organisation's scope, and the
 * public enrolment page has nobody signed in. The caller decides who may have one (an anonymous learner for the
 * person they just enrolled, staff for the learners of a class their scope reaches); this service only ever adds
 * accounts, never changes or resets an existing one.
 */
@Service
public class LearnerAccounts {

    /** A learner who may be given an account. */
    public record Learner(long personId, String name) {
    }

    /** An account just opened with a random initial password, which is shown once and never stored in clear. */
    public record Issued(long personId, String name, String username, String initialPassword) {

        @Override
        public String toString() {
            return "Issued[" + username + "]";
        }
    }

    static final String USERNAME_PREFIX = "xy";
    private static final String ROLE = BuiltinRole.LEARNER.name();
    /** Letters and digits that cannot be mistaken for one another when read off paper (no 0/O, 1/l/I). */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
    private static final int INITIAL_PASSWORD_LENGTH = 12;
    private static final int MAX_NAME = 50;

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    LearnerAccounts(UserStore users, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Which of these persons already have a learner account: a finding only, nothing about the account. */
    public Set<Long> withAccount(Collection<Long> personIds) {
        return DataScope.asSystem(() -> users.personsWithLearnerAccount(personIds));
    }

    /**
     * Opens the account a learner asks for when enrolling, with the password they chose, which they know and
     * need not change. A person who already has one keeps it: nothing is opened and the password is ignored.
     *
     * @return the username of the new account, or empty when the person already had one
     * @throws InvalidInput at {@code password} ({@link PasswordPolicy}) or {@code confirmPassword}
     */
    @Transactional
    public Optional<String> open(long personId, String name, String password, String confirmPassword) {
        if (!withAccount(List.of(personId)).isEmpty()) {
            return Optional.empty();
        }
        String username = newUsername();
        List<Violation> problems = new ArrayList<>();
        try {
            PasswordPolicy.check("password", password, username);
        } catch (InvalidInput e) {
            problems.addAll(e.violations());
        }
        if (password != null && !password.isEmpty() && !Objects.equals(password, confirmPassword)) {
            problems.add(new Violation("confirmPassword", "password.mismatch", "两次输入的密码不一致", null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return insert(personId, name, username, password, false);
    }

    /**
     * Opens accounts for those of the learners who have none, each with a random initial password that must be
     * replaced at the first sign-in, since staff hand it over. Learners who already have an account are left
     * alone: running it again opens accounts only for those still without one and resets nobody.
     *
     * @return the accounts opened, in the order of the learners
     */
    @Transactional
    public List<Issued> issue(List<Learner> learners) {
        Set<Long> existing = withAccount(learners.stream().map(Learner::personId).toList());
        List<Issued> issued = new ArrayList<>();
        for (Learner learner : learners) {
            if (existing.contains(learner.personId())) {
                continue;
            }
            String password = initialPassword();
            String username = newUsername();
            insert(learner.personId(), learner.name(), username, password, true)
                    .ifPresent(u -> issued.add(new Issued(learner.personId(), learner.name(), u, password)));
        }
        return issued;
    }

    /**
     * Inserts the account unless the person got one meanwhile (a concurrent issue or enrolment; the unique index
     * of V202611232020 decides); a username drawn twice is drawn again.
     */
    private Optional<String> insert(long personId, String name, String username, String password,
                                    boolean mustChange) {
        String displayName = displayName(name);
        String hash = passwords.encode(password);
        String candidate = username;
        while (true) {
            String tried = candidate;
            Optional<Long> id = DataScope.asSystem(() -> users.insertLearner(tried, hash, displayName, personId,
                    mustChange, ROLE));
            if (id.isPresent()) {
                DataScope.asSystem(() -> audit.record("CREATE", "User", id.get(), tried, null,
                        new UserManagement.Snapshot(id.get(), tried, displayName, CurrentUser.OrgKind.NONE, null,
                                List.of(ROLE), true, false, mustChange)));
                return Optional.of(tried);
            }
            if (!withAccount(List.of(personId)).isEmpty()) {
                return Optional.empty();
            }
            candidate = newUsername();
        }
    }

    private String newUsername() {
        return USERNAME_PREFIX + String.format("%08d", random.nextInt(100_000_000));
    }

    /** Twelve characters from {@link #ALPHABET}, with at least one letter and one digit as the policy asks. */
    String initialPassword() {
        while (true) {
            StringBuilder password = new StringBuilder(INITIAL_PASSWORD_LENGTH);
            for (int i = 0; i < INITIAL_PASSWORD_LENGTH; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)) {
                return candidate;
            }
        }
    }

    private static String displayName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return "学员";
        }
        return trimmed.length() > MAX_NAME ? trimmed.substring(0, MAX_NAME) : trimmed;
    }
}
