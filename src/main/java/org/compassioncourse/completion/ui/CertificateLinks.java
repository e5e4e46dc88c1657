package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.PaperSize;

/** "Download your certificate (A4 · US Letter)": the learner picks the paper; the first download issues the certificate. */
final class CertificateLinks extends Span {

    CertificateLinks(CompletionService completion, String idPrefix) {
        addClassName("certificate-links");
        java.util.List<String> unprintable = completion.unprintableInMyCertificateName();
        if (!unprintable.isEmpty()) {
            // never a silent '?': say so before the download, and what the learner can do
            Span warning = new Span("Your certificate cannot print every character of your name yet ("
                    + String.join(" ", unprintable) + "): " + (unprintable.size() == 1 ? "it" : "they") + " would show as \"?\". "
                    + "The verification page shows your name as written. Before you download it, you can add a spelling in "
                    + "Latin letters to your name on the Account page. ");
            warning.setId(idPrefix + "-certificate-name-warning");
            warning.addClassName("certificate-name-warning");
            warning.getElement().setAttribute("role", "note");
            add(warning);
        }
        add("Download your certificate (PDF): ");
        boolean first = true;
        for (PaperSize paper : PaperSize.values()) {
            if (!first) {
                add(" · ");
            }
            first = false;
            DownloadHandler pdf = download -> {
                byte[] bytes = completion.myCertificatePdf(paper); // checks, and issues once, for the signed-in learner only
                download.setFileName("certificate-" + paper.name().toLowerCase() + ".pdf");
                download.setContentType("application/pdf");
                download.getOutputStream().write(bytes);
            };
            Anchor link = new Anchor(pdf, paper.label());
            link.setId(idPrefix + "-certificate-" + paper.name().toLowerCase());
            add(link);
        }
    }
}
