package org.yuxun.training.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;
import org.yuxun.shared.MasterKey;

/**
 * A simple human check for the public enrolment form: a small sum whose question and expiry travel in the form,
 * signed with a key derived from the master key, so any node can verify it without keeping state; and a limit
 * of {@value #PER_WINDOW} submissions per client address per {@value #WINDOW_MINUTES} minutes on this node,
 * which stops a script from enrolling people in bulk.
 */
@Component
class HumanCheck {

    static final int PER_WINDOW = 20;
    static final int WINDOW_MINUTES = 10;
    private static final Duration VALID_FOR = Duration.ofMinutes(30);

    /** A question and the signed token that carries its answer. */
    record Challenge(String question, String token) {
    }

    private final SecretKey key;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    HumanCheck(MasterKey masterKey) {
        this.key = masterKey.derive("enrolment.human-check", "HmacSHA256");
    }

    Challenge issue() {
        int a = 1 + random.nextInt(9);
        int b = 1 + random.nextInt(9);
        long expires = clock.instant().plus(VALID_FOR).getEpochSecond();
        String payload = a + ":" + b + ":" + expires + ":" + random.nextInt(1_000_000);
        return new Challenge(a + " + " + b + " = ?", encode(payload) + "." + sign(payload));
    }

    /** Whether the answer to the token's question is right and the token is genuine and not expired. */
    boolean passes(String token, String answer) {
        if (token == null || answer == null || !token.contains(".")) {
            return false;
        }
        String[] parts = token.split("\\.", 2);
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        String[] fields = payload.split(":");
        if (fields.length != 4 || Long.parseLong(fields[2]) < clock.instant().getEpochSecond()) {
            return false;
        }
        return answer.strip().equals(String.valueOf(Integer.parseInt(fields[0]) + Integer.parseInt(fields[1])));
    }

    /** Counts a submission from the address; false once the address has reached its limit. */
    boolean allow(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofMinutes(WINDOW_MINUTES));
        Deque<Instant> times = recent.computeIfAbsent(address == null ? "" : address, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            if (times.size() >= PER_WINDOW) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
