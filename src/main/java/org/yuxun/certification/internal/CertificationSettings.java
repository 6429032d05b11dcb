package org.yuxun.certification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the certificates module (DESIGN.md, "Policy numbers are settings").
 *
 * @param verifyRequestsPerWindow how many verifications one client address may request per window before it is
 *     told to wait: enough for anyone checking certificates by hand, too few to walk the number space. The
 *     verification benchmark raises it (DESIGN.md, "Benchmarks")
 * @param verifyWindow the length of that window
 * @param zipLimit the most certificates one ZIP download holds
 * @param verdictCacheSize how many certificates' verification verdicts, and as many rendered pages, each node keeps
 *     in memory (docs/adr/0007-verification-verdicts-in-memory.md), about 5 KB each; the oldest go first
 * @param revocationPoll how often each node asks the database which certificates were revoked lately, so that a
 *     revocation made on another node shows on this one's verification page within this time (plus the query)
 */
@ConfigurationProperties("yuxun.certification")
public record CertificationSettings(Integer verifyRequestsPerWindow, Duration verifyWindow, Integer zipLimit,
                                    Integer verdictCacheSize, Duration revocationPoll) {

    public CertificationSettings {
        verifyRequestsPerWindow = verifyRequestsPerWindow == null || verifyRequestsPerWindow < 1 ? 60
                : verifyRequestsPerWindow;
        verifyWindow = verifyWindow == null || verifyWindow.isNegative() || verifyWindow.isZero()
                ? Duration.ofMinutes(1) : verifyWindow;
        zipLimit = zipLimit == null || zipLimit < 1 ? 5000 : zipLimit;
        verdictCacheSize = verdictCacheSize == null || verdictCacheSize < 0 ? 10_000 : verdictCacheSize;
        revocationPoll = revocationPoll == null || revocationPoll.isNegative() || revocationPoll.isZero()
                ? Duration.ofSeconds(2) : revocationPoll;
    }
}
