package org.yuxun.certification.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.internal.CertificateStore.NewCertificate;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;

/**
 * The certificates of the demo story: the learners who completed last month's class at 浙江育训职业技术学院 hold
 * their training certificates (issued through the same path as on completion), one of them revoked with its
 * reason, so a newcomer sees every state; the demo learner 王小明 holds a certificate the college issued by hand
 * for an earlier course; the college prints with its own seal.
 */
@Component
@Order(500)
class CertificationDemo implements DemoExtension {

    static final String REVOCATION_REASON = "经复核，该学员实操考核记录有误，证书予以撤销，待补考合格后重新颁发";

    private final JdbcClient jdbc;
    private final CertificateManagement certificates;
    private final Awards awards;
    private final CertificateTemplates templates;

    CertificationDemo(JdbcClient jdbc, CertificateManagement certificates, Awards awards,
                      CertificateTemplates templates) {
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.awards = awards;
        this.templates = templates;
    }

    @Override
    public void load(DemoContext context) {
        templates.save(context.college(), CertificateTemplates.DEFAULT_HTML, CertificateTemplates.DEFAULT_CSS,
                seal(), "image/png", -1);
        Optional<Long> completed = jdbc.sql("""
                        select id from training_class where institution_id = ? and status = 'COMPLETED'
                          and enterprise_id is null
                        order by start_date desc, id limit 1""")
                .param(context.college()).query(Long.class).optional();
        completed.ifPresent(classId -> {
            List<CertificateView> issued = awards.ofClass(classId).stream()
                    .map(e -> certificates.issueForEnrolment(e.enrolmentId()))
                    .flatMap(Optional::stream).toList();
            if (issued.size() > 1) {
                CertificateView last = issued.getLast();
                certificates.revoke(last.id(), last.version(), REVOCATION_REASON);
            }
        });
        jdbc.sql("select person_id from app_user where username = 'learner'").query(Long.class).optional()
                .filter(id -> id != null)
                .ifPresent(learner -> certificates.issueStored(new NewCertificate(CertificateKind.TRAINING,
                        context.college(), null, context.college(), learner, null, null, null,
                        "工业机器人安全操作与维护入门", "工业机器人系统运维员", null, new BigDecimal("24"),
                        LocalDate.now(CertificateManagement.ZONE).minusMonths(3), null, "MANUAL", null)));
    }

    /** A red round seal with a star, drawn rather than shipped, so the demo needs no image file. */
    static byte[] seal() {
        int size = 360;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color red = new Color(200, 30, 30, 210);
        g.setColor(red);
        g.setStroke(new BasicStroke(14));
        g.drawOval(12, 12, size - 24, size - 24);
        g.setStroke(new BasicStroke(4));
        g.drawOval(40, 40, size - 80, size - 80);
        Polygon star = new Polygon();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 70 : 28;
            double a = Math.PI / 2 + i * Math.PI / 5;
            star.addPoint((int) (size / 2 + r * Math.cos(a)), (int) (size / 2 - r * Math.sin(a)));
        }
        g.fillPolygon(star);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
