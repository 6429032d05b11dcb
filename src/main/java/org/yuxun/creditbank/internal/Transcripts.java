package org.yuxun.creditbank.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.creditbank.internal.CreditExchange.Award;
import org.yuxun.credentials.Credentials;
import org.yuxun.credentials.TranscriptClaim;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.people.PersonRegistry;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.SaltedDigest;

/**
 * The learner's credit transcript at one institution (seeds/001 §二(九): credits "累积" and "转换"): the courses
 * whose credits an institution awarded from the learner's outcomes, with exemptions, as a PDF and as a signed
 * {@code ClrCredential} wrapping the AchievementCredentials of the certificates the credits rest on (DESIGN.md,
 * "Credential format"), signed with the institution's key and verifiable like a certificate's credential.
 */
@Service
public class Transcripts {

    /** The transcript's content: the awards of one institution to one learner. */
    public record Transcript(long institutionId, String institutionName, String holderName, String documentMasked,
                             List<Award> awards) {

        public BigDecimal totalCredits() {
            return awards.stream().map(Award::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static final String FONT = "Yuxun Sans";

    private final JdbcClient jdbc;
    private final CreditExchange exchange;
    private final OrganizationDirectory organizations;
    private final Credentials credentials;
    private final CertificateManagement certificates;
    private final PersonRegistry persons;

    Transcripts(JdbcClient jdbc, CreditExchange exchange, OrganizationDirectory organizations, Credentials credentials,
                CertificateManagement certificates, PersonRegistry persons) {
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.organizations = organizations;
        this.credentials = credentials;
        this.certificates = certificates;
        this.persons = persons;
    }

    /** The person's transcript at the institution, as the caller may see it; not found when it has no credits. */
    @Transactional(readOnly = true)
    public Transcript of(long personId, long institutionId) {
        List<Award> awards = exchange.awards(personId).stream().filter(a -> a.institutionId() == institutionId)
                .toList();
        if (awards.isEmpty()) {
            throw new NotFound("Transcript", institutionId);
        }
        var holder = jdbc.sql("""
                        select name, document_masked from programme_student
                        where person_id = ? and institution_id = ? order by id limit 1""")
                .params(personId, institutionId).query().singleRow();
        return new Transcript(institutionId, organizations.institutionName(institutionId).orElse(""),
                (String) holder.get("name"), (String) holder.get("document_masked"), awards);
    }

    /** The transcript as an A4 PDF with an embedded CJK font. */
    public byte[] pdf(Transcript t) {
        StringBuilder rows = new StringBuilder();
        for (Award a : t.awards()) {
            rows.append("<tr><td>").append(e(a.courseCode())).append("</td><td>").append(e(a.courseName()))
                    .append("</td><td class='n'>").append(a.credits().toPlainString()).append("</td><td>")
                    .append(a.exempt() ? "免修" : "").append("</td><td>").append(e(a.outcomeTitle()))
                    .append("</td><td>").append(a.awardedOn()).append("</td></tr>");
        }
        String html = "<html><head><style>@page { size: A4; margin: 20mm; } body { font-family: '" + FONT
                + "'; font-size: 11pt; } h1 { text-align: center; font-size: 18pt; } table { width: 100%;"
                + " border-collapse: collapse; } td, th { border: 1px solid #555; padding: 4px; } th { white-space: nowrap; } .n {"
                + " text-align: right; } .meta { margin: 8px 0; }</style></head><body>"
                + "<h1>学分转换成绩单</h1>"
                + "<div class='meta'>院校：" + e(t.institutionName()) + "</div>"
                + "<div class='meta'>姓名：" + e(t.holderName()) + "　证件号码：" + e(t.documentMasked()) + "</div>"
                + "<table><thead><tr><th>课程代码</th><th>课程名称</th><th>学分</th><th>免修</th><th>依据的学习成果</th>"
                + "<th>认定日期</th></tr></thead><tbody>" + rows + "</tbody></table>"
                + "<div class='meta'>合计：" + t.totalCredits().toPlainString() + " 学分</div>"
                + "<div class='meta'>本成绩单依据" + e(t.institutionName()) + "公布的学分转换规则出具。</div>"
                + "</body></html>";
        return render(html);
    }

    /** An HTML page as a PDF with the embedded CJK font, which the page names as its font family {@link #FONT}. */
    static byte[] render(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> Transcripts.class.getResourceAsStream("/fonts/DroidSansFallbackFull.ttf"), FONT);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The signed {@code ClrCredential}. It names its holder by a salted digest of the identity number, as a
     * certificate's credential does (DESIGN.md, "Credential format"): the people register hashes the number without
     * revealing it, so making a transcript reveals no one's number.
     */
    @Transactional
    public String credential(long personId, Transcript t) {
        List<TranscriptClaim.Course> courses = new ArrayList<>();
        List<UUID> inner = new ArrayList<>();
        for (Award a : t.awards()) {
            courses.add(new TranscriptClaim.Course(a.courseCode(), a.courseName(), a.credits(), a.exempt(),
                    a.outcomeTitle()));
        }
        DataScope.asSystem(() -> {
            List<Long> certificateIds = jdbc.sql("""
                            select distinct o.source_id from credit_award w join learning_outcome o on o.id = w.outcome_id
                            where w.person_id = ? and w.institution_id = ? and o.source_type = 'CERTIFICATE'""")
                    .params(personId, t.institutionId()).query(Long.class).list();
            certificateIds.forEach(id -> inner.add(certificates.get(id).publicId()));
        });
        SaltedDigest holder = DataScope.asSystem(() -> persons.documentDigests(List.of(personId)).get(personId));
        if (holder == null) {
            throw new NotFound("Person", personId);
        }
        UUID id = UUID.nameUUIDFromBytes(("transcript|" + personId + "|" + t.institutionId() + "|"
                + t.awards().size()).getBytes(StandardCharsets.UTF_8));
        return credentials.transcript(new TranscriptClaim(id, t.institutionId(), t.institutionName(), t.holderName(),
                holder, "学分转换成绩单", courses, inner, Instant.now()));
    }

    private static String e(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
