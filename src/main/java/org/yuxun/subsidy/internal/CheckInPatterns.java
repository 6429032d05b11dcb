package org.yuxun.subsidy.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.yuxun.training.AttendanceRates.CheckInEvidence;
import org.yuxun.training.ClaimEvidence.SessionWindow;

/**
 * Check-in patterns that suggest attendance was faked (DESIGN.md, "Attendance threats to stop": every check-in
 * records time, device fingerprint and IP, and the subsidy checks read them): a check-in outside its session's
 * time; several learners checking in from one device; many learners checking in from one address within seconds.
 * One classroom's Wi-Fi gives many honest learners one address, so only a burst of at least {@code ipBurst}
 * learners within {@code window} counts. Findings are per enrolment, in words.
 */
final class CheckInPatterns {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
    /** A learner may check in this long before the session starts. */
    static final Duration EARLY = Duration.ofMinutes(30);

    private CheckInPatterns() {
    }

    static Map<Long, List<String>> findings(List<SessionWindow> sessions, List<CheckInEvidence> checkIns,
                                            Duration window, int ipBurst) {
        Map<Long, SessionWindow> byId = sessions.stream()
                .collect(Collectors.toMap(SessionWindow::sessionId, Function.identity()));
        Map<Long, Set<String>> found = new LinkedHashMap<>();
        List<CheckInEvidence> live = checkIns.stream()
                .filter(c -> !c.voided() && "IN".equals(c.direction()) && "QR".equals(c.method())).toList();
        for (CheckInEvidence c : live) {
            SessionWindow s = byId.get(c.sessionId());
            if (s != null && (c.at().isBefore(s.startsAt().minus(EARLY)) || c.at().isAfter(s.endsAt()))) {
                add(found, c.enrolmentId(), "签到时间 " + AT.format(c.at()) + " 不在课次时间（"
                        + AT.format(s.startsAt()).substring(0, 16) + "–" + TIME.format(s.endsAt()) + "）内");
            }
        }
        Map<String, List<CheckInEvidence>> byDevice = live.stream().filter(c -> c.deviceFingerprint() != null)
                .collect(Collectors.groupingBy(c -> c.sessionId() + "|" + c.deviceFingerprint()));
        for (List<CheckInEvidence> group : byDevice.values()) {
            Set<Long> persons = group.stream().map(CheckInEvidence::personId).collect(Collectors.toSet());
            if (persons.size() >= 2) {
                for (CheckInEvidence c : group) {
                    add(found, c.enrolmentId(), "与其他 " + (persons.size() - 1) + " 名学员使用同一设备签到（"
                            + AT.format(c.at()).substring(0, 10) + " 课次）");
                }
            }
        }
        Map<String, List<CheckInEvidence>> byAddress = live.stream().filter(c -> c.ip() != null)
                .collect(Collectors.groupingBy(c -> c.sessionId() + "|" + c.ip()));
        for (List<CheckInEvidence> group : byAddress.values()) {
            List<CheckInEvidence> sorted = new ArrayList<>(group);
            sorted.sort((a, b) -> a.at().compareTo(b.at()));
            for (int i = 0; i < sorted.size(); i++) {
                Instant end = sorted.get(i).at().plus(window);
                List<CheckInEvidence> burst = new ArrayList<>();
                for (int j = i; j < sorted.size() && !sorted.get(j).at().isAfter(end); j++) {
                    burst.add(sorted.get(j));
                }
                Set<Long> persons = new HashSet<>();
                burst.forEach(c -> persons.add(c.personId()));
                if (persons.size() >= ipBurst) {
                    for (CheckInEvidence c : burst) {
                        add(found, c.enrolmentId(), persons.size() + " 名学员在 " + window.toSeconds()
                                + " 秒内从同一网络地址签到（" + AT.format(c.at()).substring(0, 10) + " 课次）");
                    }
                }
            }
        }
        Map<Long, List<String>> result = new LinkedHashMap<>();
        found.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return result;
    }

    private static void add(Map<Long, Set<String>> found, long enrolment, String finding) {
        Set<String> list = found.computeIfAbsent(enrolment, k -> new LinkedHashSet<>());
        if (list.size() < 5) {
            list.add(finding);
        }
    }
}
