package org.yuxun.certification.internal;

import org.junit.jupiter.api.Test;
import org.yuxun.certification.CertificateKind;

class PdfTiming {
    @Test
    void time() {
        var c = CertificatePdfTest.certificate("王小明", CertificateKind.TRAINING, null);
        var t = CertificatePdfTest.defaults();
        for (int i = 0; i < 30; i++) CertificatePdfTest.PDF.render(c, t);
        long start = System.nanoTime();
        int n = 100;
        for (int i = 0; i < n; i++) CertificatePdfTest.PDF.render(c, t);
        System.out.println("PDFTIME ms/pdf=" + (System.nanoTime() - start) / 1e6 / n + " size=" + CertificatePdfTest.PDF.render(c, t).length);
    }
}
