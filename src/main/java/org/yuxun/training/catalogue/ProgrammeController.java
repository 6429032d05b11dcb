package org.yuxun.training.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

@Controller
@RequestMapping("/programmes")
class ProgrammeController {

    private static final String FORM = "training/catalogue/programme-form";
    private static final int EXPORT_LIMIT = 10_000;

    private final ProgrammeCatalogue catalogue;
    private final ProgrammeDocuments documents;
    private final Refusals refusals;
    private final MessageSource messages;

    ProgrammeController(ProgrammeCatalogue catalogue, ProgrammeDocuments documents, Refusals refusals,
                        MessageSource messages) {
        this.catalogue = catalogue;
        this.documents = documents;
        this.refusals = refusals;
        this.messages = messages;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("types", ProgrammeType.values());
        model.addAttribute("fundingModes", FundingMode.values());
        model.addAttribute("industryFields", IndustryField.values());
        model.addAttribute("statuses", ProgrammeStatus.values());
        model.addAttribute("groups", PriorityGroup.values());
        model.addAttribute("deliveryModes", DeliveryMode.values());
        model.addAttribute("awards", CompletionAward.values());
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("levels", List.of(5, 4, 3, 2, 1));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PROGRAMME_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ProgrammeStatus status,
                @RequestParam(required = false) ProgrammeType type,
                @RequestParam(required = false) FundingMode funding,
                @RequestParam(required = false) IndustryField field, @RequestParam(required = false) Integer page,
                Model model) {
        model.addAttribute("page", catalogue.search(new ProgrammeCatalogue.Criteria(q, status, type, funding, field),
                Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("funding", funding);
        model.addAttribute("field", field);
        return "training/catalogue/programmes";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('PROGRAMME_VIEW')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) ProgrammeStatus status,
                                  @RequestParam(required = false) ProgrammeType type,
                                  @RequestParam(required = false) FundingMode funding,
                                  @RequestParam(required = false) IndustryField field, Locale locale)
            throws IOException {
        List<ProgrammeCatalogue.ProgrammeRow> rows = catalogue.search(
                new ProgrammeCatalogue.Criteria(q, status, type, funding, field), 0, EXPORT_LIMIT).content();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text("programme.list.title", locale));
            String[] headers = {"programme.name", "programme.type", "programme.fundingMode", "programme.industryField",
                "programme.occupation", "programme.skillLevel", "programme.totalHours", "programme.fee",
                "common.status"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(text(headers[i], locale));
            }
            int r = 1;
            for (ProgrammeCatalogue.ProgrammeRow p : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.name());
                row.createCell(1).setCellValue(text("programme.type." + p.type(), locale));
                row.createCell(2).setCellValue(text("programme.fundingMode." + p.fundingMode(), locale));
                row.createCell(3).setCellValue(text("programme.industryField." + p.industryField(), locale));
                row.createCell(4).setCellValue(p.occupationName() == null ? "" : p.occupationName());
                row.createCell(5).setCellValue(p.skillLevel() == null ? ""
                        : text("programme.level." + p.skillLevel(), locale));
                row.createCell(6).setCellValue(p.totalHours().doubleValue());
                row.createCell(7).setCellValue(p.fee().doubleValue());
                row.createCell(8).setCellValue(text("programme.status." + p.status(), locale));
            }
            for (int i = 0; i < headers.length; i++) {
                sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 16 * 256);
            }
            workbook.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(text("programme.export.file", locale) + ".xlsx", StandardCharsets.UTF_8)
                            .build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        }
    }

    @GetMapping("/occupations")
    @PreAuthorize("hasAuthority('PROGRAMME_VIEW')")
    String occupations(@RequestParam(required = false) String q,
                       @RequestParam(required = false) String occupationName, Model model) {
        model.addAttribute("occupations", catalogue.occupations(q != null ? q : occupationName));
        return "training/catalogue/occupation-options :: options";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('PROGRAMME_CREATE')")
    String createForm(Model model) {
        model.addAttribute("form", ProgrammeForm.empty());
        return form(model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PROGRAMME_CREATE')")
    String create(@Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            long id = catalogue.create(user, form.content());
            flash.addFlashAttribute("saved", true);
            return "redirect:/programmes/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return form(model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PROGRAMME_VIEW')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("programme", catalogue.get(id));
        return "training/catalogue/programme";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('PROGRAMME_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        ProgrammeCatalogue.ProgrammeView programme = catalogue.get(id);
        model.addAttribute("programme", programme);
        model.addAttribute("form", ProgrammeForm.of(programme));
        return form(model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('PROGRAMME_EDIT')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result,
                Model model, RedirectAttributes flash) {
        ProgrammeCatalogue.ProgrammeView programme = catalogue.get(id);
        model.addAttribute("programme", programme);
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            catalogue.edit(id, form.content(), form.version() == null ? programme.version() : form.version());
            flash.addFlashAttribute("saved", true);
            return "redirect:/programmes/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return form(model);
        } catch (OptimisticLockingFailureException e) {
            result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
            return form(model);
        }
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('PROGRAMME_SUBMIT')")
    String submit(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                  Locale locale, RedirectAttributes flash) {
        return transition(id, version, "SUBMIT", user, locale, flash);
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('PROGRAMME_SUBMIT')")
    String returnToDraft(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                         Locale locale, RedirectAttributes flash) {
        return transition(id, version, "RETURN", user, locale, flash);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('PROGRAMME_APPROVE')")
    String approve(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                   Locale locale, RedirectAttributes flash) {
        return transition(id, version, "APPROVE", user, locale, flash);
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('PROGRAMME_PUBLISH')")
    String publish(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                   Locale locale, RedirectAttributes flash) {
        return transition(id, version, "PUBLISH", user, locale, flash);
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAuthority('PROGRAMME_RETIRE')")
    String retire(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                  Locale locale, RedirectAttributes flash) {
        return transition(id, version, "RETIRE", user, locale, flash);
    }

    @PostMapping("/{id}/documents")
    @PreAuthorize("hasAuthority('PROGRAMME_EDIT')")
    String attach(@PathVariable long id, @RequestParam(required = false) DocumentKind kind,
                  @RequestParam(required = false) MultipartFile file, Locale locale, RedirectAttributes flash) {
        try {
            documents.attach(id, kind, file);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", refusals.text(e, locale));
        }
        return "redirect:/programmes/" + id;
    }

    @GetMapping("/{id}/documents/{documentId}")
    @PreAuthorize("hasAuthority('PROGRAMME_VIEW')")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long documentId) {
        ProgrammeDocuments.StoredFile file = documents.open(id, documentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(new FileSystemResource(file.path()));
    }

    @PostMapping("/{id}/documents/{documentId}/delete")
    @PreAuthorize("hasAuthority('PROGRAMME_EDIT')")
    String detach(@PathVariable long id, @PathVariable long documentId, Locale locale, RedirectAttributes flash) {
        try {
            documents.remove(id, documentId);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", refusals.text(e, locale));
        }
        return "redirect:/programmes/" + id;
    }

    private String transition(long id, int version, String action, CurrentUser user, Locale locale,
                              RedirectAttributes flash) {
        try {
            catalogue.transition(id, version, action, user);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", refusals.text(e, locale));
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("refusal", text("error.concurrentEdit", locale));
        }
        return "redirect:/programmes/" + id;
    }

    private String form(Model model) {
        model.addAttribute("partnerOptions", catalogue.partnerOptions());
        model.addAttribute("evaluatorOptions", catalogue.evaluatorOptions());
        return FORM;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
