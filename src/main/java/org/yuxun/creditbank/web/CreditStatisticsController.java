package org.yuxun.creditbank.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.audit.AuditLog;
import org.yuxun.creditbank.internal.CreditBankStatistics;
import org.yuxun.creditbank.internal.CreditBankStatistics.InstitutionFigures;
import org.yuxun.creditbank.internal.OutcomeSubmissions;
import org.yuxun.shared.Page;

/**
 * The credit bank of the institutions in an authority's remit, read only: what each received, awarded and has
 * waiting, so the authority sees where learners' outcomes are converted and where reviews stall. Which institutions
 * appear is row-level security's business (the remit), not this controller's.
 */
@Controller
@RequestMapping("/credit-bank/statistics")
class CreditStatisticsController {

    private final CreditBankStatistics statistics;
    private final OutcomeSubmissions submissions;
    private final MessageSource messages;
    private final AuditLog audit;

    CreditStatisticsController(CreditBankStatistics statistics, OutcomeSubmissions submissions,
                               MessageSource messages, AuditLog audit) {
        this.statistics = statistics;
        this.submissions = submissions;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CREDIT_STATISTICS_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "true") boolean active,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", statistics.byInstitution(q, active, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("totals", statistics.totals(q, active));
        model.addAttribute("q", q);
        model.addAttribute("active", active);
        return "creditbank/statistics";
    }

    /** One institution's figures with its applications and learners' submissions, read only. */
    @GetMapping("/{institutionId}")
    @PreAuthorize("hasAuthority('CREDIT_STATISTICS_VIEW')")
    String institution(@PathVariable long institutionId, @RequestParam(defaultValue = "applications") String view,
                       @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("figures", statistics.institution(institutionId));
        boolean submissionsView = "submissions".equals(view);
        model.addAttribute("view", submissionsView ? "submissions" : "applications");
        model.addAttribute("page", submissionsView
                ? submissions.ofInstitution(institutionId, Page.clamp(page), Page.DEFAULT_SIZE)
                : statistics.applications(institutionId, Page.clamp(page), Page.DEFAULT_SIZE));
        return "creditbank/statistics-institution";
    }

    /** The figures as filtered, as an Excel workbook; the export is recorded in the audit trail. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('CREDIT_STATISTICS_VIEW')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q,
                                  @RequestParam(defaultValue = "true") boolean active, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (InstitutionFigures f : statistics.byInstitution(q, active, 0, Workbooks.EXPORT_LIMIT).content()) {
            rows.add(Arrays.asList(f.institutionName(), f.regionCode(), f.applications(), f.applicationsWaiting(),
                    f.awards(), f.credits(), f.exemptions(), f.submissionsWaiting(), f.submissionsRecognised(),
                    f.rulesPublished()));
        }
        audit.record("EXPORT", "CreditBankStatistics", null, "导出 " + rows.size() + " 所院校"
                + (q == null || q.isBlank() ? "" : "，查询：" + q.strip()), null, null);
        return Workbooks.xlsx(messages, locale, "credit.statistics", List.of("credit.institution",
                "credit.statistics.region", "credit.statistics.applications", "credit.statistics.applicationsWaiting",
                "credit.statistics.awards", "credit.statistics.credits", "credit.statistics.exemptions",
                "credit.statistics.submissionsWaiting", "credit.statistics.submissionsRecognised",
                "credit.statistics.rulesPublished"), rows);
    }
}
