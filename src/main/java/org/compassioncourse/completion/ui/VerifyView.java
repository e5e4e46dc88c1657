package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.compassioncourse.completion.CertificateVerification;
import org.compassioncourse.completion.VerifiedCertificate;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The public verification page a certificate's link and QR code lead to: valid or revoked, the learner's name, the
 * course, the date, the hours and who issued it; nothing else. A wrong code and a malformed one read the same; without
 * a code (and after a wrong one) it offers a field to type one.
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
        if (code.isBlank()) {
            // reached without a code (typed address, a bookmark): ask for one rather than say "not found"
            title = "Check a certificate · Compassion Course";
            H1 heading = new H1("Check a certificate");
            heading.setId("verify-result");
            add(heading, new Paragraph("Type the verification code printed on the certificate, below its QR code."), codeForm(""));
            return;
        }
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
                    + "dashes and capitals do not matter."), codeForm(code));
            return;
        }
        VerifiedCertificate certificate = found.get();
        String state = switch (certificate.state()) {
            case VALID -> "Valid certificate";
            case EXPIRED -> "Expired certificate";
            case REVOKED -> "Revoked certificate";
        };
        title = state + " · Compassion Course";
        // the mark and the word together: never colour alone
        H1 heading = new H1((certificate.valid() ? "✓ " : "✗ ") + state);
        heading.setId("verify-result");
        add(heading);
        if (certificate.state() == VerifiedCertificate.State.REVOKED) {
            Paragraph revoked = new Paragraph("This certificate was revoked on " + DATE.format(certificate.revokedOn())
                    + ". It no longer certifies completion.");
            revoked.setId("verify-revoked");
            add(revoked);
        } else if (certificate.state() == VerifiedCertificate.State.EXPIRED) {
            Paragraph expired = new Paragraph("This certificate was valid until " + DATE.format(certificate.validUntil())
                    + ". It certifies that the course was completed, but the completion has expired and must be renewed.");
            expired.setId("verify-expired");
            add(expired);
        }
        DescriptionList facts = new DescriptionList();
        facts.setId("verify-facts");
        facts.add(new DescriptionList.Term("Learner"), new DescriptionList.Description(certificate.learnerName()));
        facts.add(new DescriptionList.Term("Course"), new DescriptionList.Description(certificate.courseTitle() + " (version " + certificate.courseVersion() + ")"));
        facts.add(new DescriptionList.Term("Completed on"), new DescriptionList.Description(DATE.format(certificate.completedOn())));
        if (certificate.validUntil() != null) {
            facts.add(new DescriptionList.Term("Valid until"), new DescriptionList.Description(DATE.format(certificate.validUntil())));
        }
        if (certificate.ceHours() != null) {
            facts.add(new DescriptionList.Term("Continuing education hours"), new DescriptionList.Description(hours(certificate.ceHours())));
        }
        facts.add(new DescriptionList.Term("Issued by"), new DescriptionList.Description(certificate.issuer()));
        facts.add(new DescriptionList.Term("Issued on"), new DescriptionList.Description(DATE.format(certificate.issuedOn())));
        if (certificate.contact() != null) {
            facts.add(new DescriptionList.Term("Contact"), new DescriptionList.Description(certificate.contact()));
        }
        add(facts);
    }

    /** A field for the code and a button that opens its check (Enter works too). */
    private Div codeForm(String typed) {
        TextField field = new TextField("Verification code");
        field.setId("verify-code");
        field.setValue(typed.length() <= 40 ? typed : "");
        field.setPlaceholder("XXXX-XXXX-XXXX-XXXX-XXXX");
        field.setMaxLength(40);
        field.setAutocapitalize(Autocapitalize.CHARACTERS);
        field.setAutocorrect(false);
        field.setHelperText("20 letters and digits; dashes and capitals do not matter.");
        Button check = new Button("Check certificate", click -> {
            String entered = field.getValue().strip();
            if (entered.isEmpty()) {
                field.setErrorMessage("Type the code printed on the certificate.");
                field.setInvalid(true);
                field.focus();
                return;
            }
            getUI().ifPresent(ui -> ui.navigate(VerifyView.class, new RouteParameters("code", entered)));
        });
        check.setId("verify-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER).listenOn(field);
        Div form = new Div(field, check);
        form.addClassName("verify-form");
        return form;
    }

    private static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
