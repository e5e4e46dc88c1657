package org.compassioncourse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.compassioncourse.content.Question;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape the code keeps: thin views, services as the boundary, features without cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.compassioncourse");

    @Test
    void viewsNeverTouchRepositories() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(CLASSES);
    }

    @Test
    void everyRoutedViewDeclaresWhoMaySeeIt() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .check(CLASSES);
    }

    @Test
    void repositoriesAreOnlyUsedInsideTheirOwnFeature() {
        classes().that().areAssignableTo(Repository.class)
                .should().notBePublic()
                .check(CLASSES);
    }

    /**
     * Services and domain code know no Vaadin: they return instants and records that views format (e.g. times in
     * the reader's zone). Exempt by name: the application class (Vaadin's app shell: theme, stylesheet, meta) and
     * the security configuration (it plugs Vaadin's own configurer into Spring Security).
     */
    @Test
    void onlyViewsAndTheBasePackageUseVaadin() {
        noClasses().that().resideOutsideOfPackages("..ui..", "org.compassioncourse.base..")
                .and().doNotHaveFullyQualifiedName("org.compassioncourse.Application")
                .and().doNotHaveFullyQualifiedName("org.compassioncourse.account.SecurityConfig")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("services must work without a browser page; views format what they return")
                .check(CLASSES);
    }

    /** The old home of the browser-time helper forwards to base.ui.UserTime; only views may still call it. */
    @Test
    void onlyViewsReadTheBrowsersTime() {
        noClasses().that().resideOutsideOfPackages("..ui..", "org.compassioncourse.time..")
                .should().dependOnClassesThat().haveSimpleName("UserTime")
                .check(CLASSES);
    }

    /**
     * Answer keys reach views only through services' result records (feedback, outcomes, breakdowns). The keys in
     * the content model: Choice.correct, TrueFalse.answer, Hotspot.answerRegion (and its per-region feedback),
     * Item.category, and the order of Ordering.items / the pairing of Matching.pairs; so views touch no question
     * body at all (Question.Use and the stem stay open to them).
     */
    @Test
    void viewsNeverReadAnswerKeysFromTheContentModel() {
        noClasses().that().resideInAPackage("..ui..")
                .should().callMethod(Question.Choice.class, "correct")
                .orShould().callMethod(Question.TrueFalse.class, "answer")
                .orShould().callMethod(Question.Hotspot.class, "answerRegion")
                .orShould().callMethod(Question.Hotspot.class, "regionFeedback")
                .orShould().callMethod(Question.Item.class, "category")
                .orShould().callMethod(Question.class, "body")
                .orShould().dependOnClassesThat().belongToAnyOf(Question.Choice.class, Question.TrueFalse.class,
                        Question.Matching.class, Question.Categorise.class, Question.Ordering.class, Question.Hotspot.class,
                        Question.Pair.class, Question.Item.class, Question.Option.class)
                .because("keys leave the server only as the quiz's feedback setting allows, through the services")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoDependencyCycles() {
        slices().matching("org.compassioncourse.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
