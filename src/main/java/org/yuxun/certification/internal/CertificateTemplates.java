package org.yuxun.certification.internal;

import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The printed layout of each institution's certificates: an XHTML fragment and CSS with {@code {{placeholders}}}
 * (see {@link CertificatePdf}), and the seal image. An institution that has not designed one prints with
 * {@link #DEFAULT}.
 */
@Repository
public class CertificateTemplates {

    /** One institution's layout. {@code version} is -1 for the default that is not stored yet. */
    public record Template(long institutionId, String html, String css, byte[] seal, String sealContentType,
                           int version) {

        public boolean hasSeal() {
            return seal != null && seal.length > 0;
        }
    }

    /** A formal A4 landscape certificate: title, holder, what was achieved, issuer with seal, QR code. */
    public static final String DEFAULT_HTML = """
            <div class="frame">
              <div class="inner">
                <h1>{{kindName}}</h1>
                <p class="lead"><span class="name">{{holderName}}</span>（证件号码 {{holderDocument}}）：</p>
                <p class="body">于 {{issuedOn}} 完成{{title}}的学习与考核，成绩合格{{levelSentence}}，特发此证。</p>
                <table class="facts">
                  <tr><td>证书编号</td><td>{{number}}</td><td>培训学时</td><td>{{hours}}</td></tr>
                  <tr><td>职业（工种）</td><td>{{occupation}}</td><td>有效期至</td><td>{{validUntil}}</td></tr>
                </table>
                <div class="issuer">
                  <div class="seal">{{seal}}</div>
                  <p>{{issuerName}}</p>
                  <p>{{issuedOn}}</p>
                </div>
                <div class="qr">{{qr}}<p>扫码核验证书真伪</p></div>
              </div>
            </div>
            """;

    public static final String DEFAULT_CSS = """
            .frame { position: absolute; top: 10mm; left: 10mm; width: 271mm; height: 184mm;
                     border: 3mm double #8a1c1c; }
            .inner { position: relative; height: 184mm; padding: 0 22mm; color: #222; }
            h1 { padding-top: 14mm; }
            h1 { text-align: center; font-size: 30pt; color: #8a1c1c; margin: 0 0 8mm 0; }
            .lead { font-size: 15pt; }
            .name { font-size: 20pt; font-weight: bold; }
            .body { font-size: 15pt; line-height: 1.8; text-indent: 2em; }
            .facts { margin-top: 6mm; font-size: 12pt; border-collapse: collapse; }
            .facts td { padding: 1.5mm 4mm 1.5mm 0; }
            .facts td:nth-child(odd) { color: #666; }
            .issuer { position: absolute; right: 36mm; bottom: 26mm; width: 80mm; text-align: center;
                      font-size: 13pt; }
            .issuer p { margin: 1mm 0; }
            .seal { position: absolute; left: 18mm; top: -18mm; width: 44mm; height: 44mm; }
            .seal img { width: 44mm; height: 44mm; }
            .qr { position: absolute; left: 30mm; bottom: 22mm; width: 34mm; text-align: center; font-size: 8pt;
                  color: #666; }
            .qr img { width: 30mm; height: 30mm; }
            """;

    private final JdbcClient jdbc;

    CertificateTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The institution's layout, or the default when it has none (or the caller's scope does not reach it). */
    public Template of(long institutionId) {
        return stored(institutionId)
                .orElseGet(() -> new Template(institutionId, DEFAULT_HTML, DEFAULT_CSS, null, null, -1));
    }

    private Optional<Template> stored(long institutionId) {
        return jdbc.sql("""
                        select institution_id, html, css, seal, seal_content_type, version
                        from certificate_template where institution_id = ?""")
                .param(institutionId)
                .query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5), rs.getInt(6)))
                .optional();
    }

    /**
     * Saves the layout; the seal is kept when {@code seal} is null.
     *
     * @throws OptimisticLockingFailureException when someone saved it since {@code version}
     */
    public void save(long institutionId, String html, String css, byte[] seal, String sealContentType, int version) {
        int updated;
        if (version < 0) {
            updated = jdbc.sql("""
                            insert into certificate_template (institution_id, html, css, seal, seal_content_type)
                            values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(institutionId, html, css, seal, sealContentType).update();
        } else {
            updated = jdbc.sql("""
                            update certificate_template set html = ?, css = ?, seal = coalesce(?, seal),
                                   seal_content_type = coalesce(?, seal_content_type), version = version + 1,
                                   updated_at = now()
                            where institution_id = ? and version = ?""")
                    .params(html, css, seal, sealContentType, institutionId, version).update();
        }
        if (updated != 1) {
            throw new OptimisticLockingFailureException("该记录已被他人修改");
        }
    }
}
