package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.compassioncourse.completion.CertificateVerification;
import org.compassioncourse.completion.VerifiedCertificate;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The public verification page a certificate's link and QR code lead to: valid or revoked, the learner's name, the
 * course, the date and the hours; nothing else. A wrong code and a malformed one read the same.
 */
@Route(value = "verify/:code?", autoLayout = false)
@AnonymousAllowed
public class VerifyView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final CertificateVerification verification;
    private String title = "Certificate check · Compassion Course";

    public VerifyView(CertificateVerification verification) {
        this.verification = verification;
        addClassNames("page", "verify-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = event.getRouteParameters().get("code").orElse("");
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? "unknown" : request.getRemoteAddr();
        Optional<VerifiedCertificate> found;
        try {
            found = verification.verify(code, address);
        } catch (CertificateVerification.TooManyLookups tooMany) {
            add(new H1("Please wait a minute"), new Paragraph(tooMany.getMessage()));
            return;
        }
        if (found.isEmpty()) {
            title = "Certificate not found · Compassion Course";
            H1 heading = new H1("Certificate not found");
            heading.setId("verify-result");
            add(heading, new Paragraph("No certificate has this code. Check the code on the certificate, letter by letter; "
                    + "dashes and capitals do not matter."));
            return;
        }
        VerifiedCertificate certificate = found.get();
        title = (certificate.valid() ? "Valid certificate" : "Revoked certificate") + " · Compassion Course";
        H1 heading = new H1(certificate.valid() ? "✓ Valid certificate" : "✗ Revoked certificate");
        heading.setId("verify-result");
        add(heading);
        if (!certificate.valid()) {
            Paragraph revoked = new Paragraph("This certificate was revoked on " + DATE.format(certificate.revokedOn())
                    + ". It no longer certifies completion.");
            revoked.setId("verify-revoked");
            add(revoked);
        }
        DescriptionList facts = new DescriptionList();
        facts.setId("verify-facts");
        facts.add(new DescriptionList.Term("Learner"), new DescriptionList.Description(certificate.learnerName()));
        facts.add(new DescriptionList.Term("Course"), new DescriptionList.Description(certificate.courseTitle() + " (version " + certificate.courseVersion() + ")"));
        facts.add(new DescriptionList.Term("Completed on"), new DescriptionList.Description(DATE.format(certificate.completedOn())));
        if (certificate.ceHours() != null) {
            facts.add(new DescriptionList.Term("Continuing education hours"), new DescriptionList.Description(hours(certificate.ceHours())));
        }
        add(facts);
    }

    private static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
