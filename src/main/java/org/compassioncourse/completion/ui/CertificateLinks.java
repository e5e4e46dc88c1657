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
