package org.compassioncourse.administration.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.administration.AccountAdministration;
import org.compassioncourse.account.AccountFilter;
import org.compassioncourse.account.AccountRow;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.AccountSort;
import org.compassioncourse.administration.AdministrationException;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.SetupLink;
import org.compassioncourse.base.ui.CopyButton;
import org.compassioncourse.base.ui.SelectLists;
import org.compassioncourse.base.ui.UserTime;

/**
 * Administrators' page: every account in a list paged by the database, searchable and filtered by role and status,
 * with role changes, deactivation, reactivation and erasure; and instructor invitations.
 */
@Route(AccountsView.ROUTE)
@PageTitle("Administration · Compassion Course")
@Menu(order = 5, title = "Administration", icon = "vaadin:users")
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class AccountsView extends Main {

    static final String ROUTE = "administration";

    private final AccountAdministration administration;

    final EmailField inviteEmail = new EmailField("Email of the instructor to invite");
    final Button invite = new Button("Invite instructor");
    /** The link to send, selectable for copying; shown once. */
    final TextField inviteLink = new TextField("Invitation link to send (single use)");
    final CopyButton copyInviteLink = new CopyButton("Copy link", "Link copied.", inviteLink::getValue);
    final TextField search = new TextField("Search name or email");
    final Select<AccountFilter.RoleFilter> roleFilter = new Select<>();
    final Select<AccountFilter.Status> statusFilter = new Select<>();
    final Grid<AccountRow> grid = new Grid<>();
    /** What the last action did or why it was refused, read out to screen readers. */
    final Paragraph message = new Paragraph();

    public AccountsView(AccountAdministration administration) {
        this.administration = administration;
        addClassNames("page", "administration-page");
        setId("administration");

        inviteEmail.setId("invite-email");
        inviteEmail.setMaxLength(AccountService.MAX_EMAIL);
        inviteEmail.setPlaceholder("name@hospital.org");
        invite.setId("invite-instructor");
        invite.addClickListener(click -> invite());
        invite.addClickShortcut(Key.ENTER).listenOn(inviteEmail);
        inviteLink.setId("invite-link");
        inviteLink.setReadOnly(true);
        inviteLink.setWidthFull();
        inviteLink.setVisible(false);
        copyInviteLink.setId("copy-invite-link");
        copyInviteLink.setAriaLabel("Copy the link shown above");
        copyInviteLink.setVisible(false);
        FlexLayout inviteForm = new FlexLayout(inviteEmail, invite);
        inviteForm.addClassName("inline-form");

        message.setId("administration-message");
        message.getElement().setAttribute("role", "status");

        search.setId("account-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        roleFilter.setLabel("Role");
        roleFilter.setId("role-filter");
        roleFilter.setItems(AccountFilter.RoleFilter.values());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption("Any role");
        roleFilter.setItemLabelGenerator(role -> role == null ? "Any role" : role.label());
        SelectLists.named(roleFilter, "Role to show");
        roleFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        statusFilter.setLabel("Status");
        statusFilter.setId("status-filter");
        statusFilter.setItems(AccountFilter.Status.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any status");
        statusFilter.setItemLabelGenerator(status -> status == null ? "Any status" : status.label());
        SelectLists.named(statusFilter, "Status to show");
        statusFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        FlexLayout filters = new FlexLayout(search, roleFilter, statusFilter);
        filters.addClassName("inline-form");

        grid.addColumn(AccountRow::displayName).setHeader("Name").setKey(AccountSort.Field.NAME.name()).setSortable(true)
                .setFlexGrow(2).setWidth("9rem");
        grid.addColumn(AccountRow::email).setHeader("Email").setKey(AccountSort.Field.EMAIL.name()).setSortable(true)
                .setFlexGrow(2).setWidth("12rem");
        grid.addColumn(AccountRow::roleLabel).setHeader("Role").setKey(AccountSort.Field.ROLE.name()).setSortable(true)
                .setFlexGrow(1).setWidth("7rem");
        grid.addColumn(AccountRow::statusLabel).setHeader("Status").setKey(AccountSort.Field.STATUS.name()).setSortable(true)
                .setFlexGrow(1).setWidth("6rem");
        grid.addColumn(row -> UserTime.date(row.createdAt())).setHeader("Created").setKey(AccountSort.Field.CREATED.name())
                .setSortable(true).setFlexGrow(0).setWidth("8.5rem");
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setFlexGrow(2).setWidth("15rem");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Accounts");
        grid.setId("account-grid");
        grid.setPageSize(50);
        grid.setEmptyStateText("No account matches the search and filters.");
        grid.setItems(query -> administration.accounts(filter(), query.getOffset(), query.getLimit(),
                        query.getSortOrders().stream().map(order -> new AccountSort(AccountSort.Field.valueOf(order.getSorted()),
                                order.getDirection() == SortDirection.ASCENDING)).toList()).stream(),
                query -> Math.toIntExact(administration.countAccounts(filter())));

        add(new H1("Administration"), AdministrationLinks.between(true),
                new H2("Invite an instructor"),
                new Paragraph("The invited person gets an account as instructor and sets their own name and password "
                        + "through a single-use link, valid for 7 days. Send them the link; it is shown once here."),
                inviteForm, inviteLink, copyInviteLink,
                new H2("Accounts"), message, deactivatedNote(), filters, grid);
    }

    /** What a helpdesk needs to know: a deactivated person is told no more than a wrong password would tell them. */
    private static Paragraph deactivatedNote() {
        Paragraph note = new Paragraph("A deactivated person who tries to log in sees only \"Incorrect email or password\", "
                + "the same answer as a wrong password, so the login page never reveals which accounts exist or are closed. "
                + "If someone says their correct password stopped working, check their status here.");
        note.setId("deactivated-note");
        note.addClassName("hint");
        return note;
    }

    AccountFilter filter() {
        return new AccountFilter(search.getValue(), roleFilter.getValue(), statusFilter.getValue());
    }

    private FlexLayout actions(AccountRow row) {
        FlexLayout actions = new FlexLayout();
        actions.addClassName("row-actions");
        if (row.erased()) {
            actions.add(new Span("—"));
            return actions;
        }
        Button role = small("Change role…", row);
        role.addClickListener(click -> openRoleDialog(row));
        actions.add(role);
        if (row.active()) {
            Button deactivate = small("Deactivate", row);
            deactivate.addClickListener(click -> act(() -> administration.deactivate(row.id()),
                    row.displayName() + " is deactivated: they cannot log in, and their open sessions have ended."));
            actions.add(deactivate);
        } else {
            Button reactivate = small("Reactivate", row);
            reactivate.addClickListener(click -> act(() -> administration.reactivate(row.id()),
                    row.displayName() + " can log in again."));
            actions.add(reactivate);
        }
        if (row.active()) {
            Button reset = small("Reset link", row);
            reset.addClickListener(click -> issueResetLink(row));
            actions.add(reset);
        }
        if (row.role() == Role.LEARNER && !row.administrator()) {
            Button erase = small("Erase…", row);
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
            erase.addClickListener(click -> confirmErase(row));
            actions.add(erase);
        }
        return actions;
    }

    private static Button small(String text, AccountRow row) {
        Button button = new Button(text);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel(text.replace("…", "") + ": " + row.displayName());
        return button;
    }

    /** For someone without working email: the link is shown here, to be passed on in person. */
    private void issueResetLink(AccountRow row) {
        try {
            String link = administration.issuePasswordResetLink(row.id());
            inviteLink.setLabel("Password reset link for " + row.displayName() + " (single use)");
            inviteLink.setValue(link);
            inviteLink.setHelperText("Give it to " + row.displayName() + " in person; anyone with the link can set this account's password.");
            inviteLink.setVisible(true);
            copyInviteLink.setVisible(true);
            inviteLink.focus();
        } catch (AdministrationException refused) {
            Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE);
        }
    }

    private void invite() {
        try {
            SetupLink link = administration.inviteInstructor(inviteEmail.getValue());
            inviteLink.setLabel("Invitation link to send (single use)");
            inviteLink.setValue(link.url());
            inviteLink.setHelperText("Valid until " + UserTime.dateTime(link.expiresAt()) + ". Send it to "
                    + inviteEmail.getValue().strip() + "; anyone with the link can set up this account.");
            inviteLink.setVisible(true);
            copyInviteLink.setVisible(true);
            inviteEmail.setInvalid(false);
            inviteEmail.clear();
            grid.getDataProvider().refreshAll();
        } catch (AdministrationException refused) {
            inviteEmail.setErrorMessage(refused.getMessage());
            inviteEmail.setInvalid(true);
            inviteLink.setVisible(false);
            copyInviteLink.setVisible(false);
        }
    }

    RoleDialog openRoleDialog(AccountRow row) {
        RoleDialog dialog = new RoleDialog(row);
        dialog.open();
        return dialog;
    }

    /** Role and administrator flag of one account; saving ends the person's sessions so the change applies at once. */
    final class RoleDialog extends Dialog {

        final RadioButtonGroup<Role> role = new RadioButtonGroup<>("Role");
        final Checkbox administrator = new Checkbox("Administrator (manages accounts)");
        final Button save = new Button("Change role");

        RoleDialog(AccountRow row) {
            setHeaderTitle("Role of " + row.displayName());
            role.setItems(Role.values());
            role.setItemLabelGenerator(r -> r == Role.INSTRUCTOR ? "Instructor (cohorts and reports)" : "Learner");
            role.setValue(row.role());
            administrator.setValue(row.administrator());
            Paragraph note = new Paragraph("They will be logged out and get the new role when they log in again.");
            add(role, administrator, note);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> {
                close();
                act(() -> administration.changeRole(row.id(), role.getValue(), administrator.getValue()),
                        "The role of " + row.displayName() + " is changed; it applies from their next login.");
            });
            getFooter().add(new Button("Cancel", click -> close()), save);
        }
    }

    ConfirmDialog confirmErase(AccountRow row) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Erase " + row.displayName() + "'s personal data?");
        dialog.setText("Their name and email are replaced by \"Former learner #" + row.id() + "\", they can no longer log "
                + "in, and this cannot be undone. Their quiz attempts stay, anonymous, so cohort statistics do not change.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Erase");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirm -> act(() -> administration.erase(row.id()),
                "The personal data of account #" + row.id() + " is erased."));
        dialog.open();
        return dialog;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            message.setText(done);
            message.setClassName("success-note");
        } catch (AdministrationException refused) {
            message.setText(refused.getMessage());
            message.setClassName("error-note");
        }
        grid.getDataProvider().refreshAll();
    }
}
