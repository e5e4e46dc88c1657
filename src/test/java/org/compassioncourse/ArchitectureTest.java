package org.compassioncourse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.content.Question;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape the code keeps: thin views, services as the boundary, features without cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.compassioncourse");
    private static final String APPLICATION = "org.compassioncourse.Application";
    private static final String SECURITY_CONFIG = "org.compassioncourse.security.SecurityConfig";

    /**
     * These read any learner's records by user id, with no access check: for listeners that run where nobody is signed
     * in, and the read models one module answers another's report with (a cohort's members, their reading, results,
     * completions and answers); pages go through the services, which check who is asking.
     */
    @Test
    void viewsNeverReadALearnersRecordsByUserIdWithoutAnAccessCheck() {
        List<String> unchecked = List.of("org.compassioncourse.quiz.LearnerScores", "org.compassioncourse.progress.LearnerProgress",
                "org.compassioncourse.quiz.KnowledgeCheckAnswers", "org.compassioncourse.cohort.CohortMembers",
                "org.compassioncourse.progress.ReadingFigures", "org.compassioncourse.quiz.ResultFigures",
                "org.compassioncourse.completion.CompletionFigures", "org.compassioncourse.quiz.SubmittedResponses");
        assertThat(unchecked).allSatisfy(name -> assertThat(CLASSES.contain(name)).as(name).isTrue());
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveNameMatching("(" + String.join("|", unchecked).replace(".", "\\.") + ")(\\$.*)?")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    /**
     * The bulk writers of invented learners' rows are for the synthetic-cohort generator and the load test, and
     * AccountNames answers for any account without a check: pages reach them only through a service.
     */
    @Test
    void viewsNeverWriteSyntheticRowsNorReadAnyonesNameDirectly() {
        List<String> internal = List.of("org.compassioncourse.account.SyntheticAccounts", "org.compassioncourse.cohort.SyntheticCohorts",
                "org.compassioncourse.progress.SyntheticProgress", "org.compassioncourse.quiz.SyntheticAttempts",
                "org.compassioncourse.account.AccountNames");
        assertThat(internal).allSatisfy(name -> assertThat(CLASSES.contain(name)).as(name).isTrue());
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveNameMatching("(" + String.join("|", internal).replace(".", "\\.") + ")(\\$.*)?")
                .check(CLASSES);
    }

    @Test
    void viewsNeverTouchRepositories() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void everyRoutedViewDeclaresWhoMaySeeIt() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void repositoriesAreOnlyUsedInsideTheirOwnFeature() {
        classes().that().areAssignableTo(Repository.class)
                .should().notBePublic()
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    /**
     * Services and domain code know no Vaadin: they return instants and records that views format (e.g. times in
     * the reader's zone). Exempt by name: the application class (Vaadin's app shell: theme, stylesheet, meta) and
     * the security configuration (it plugs Vaadin's own configurer into Spring Security).
     */
    @Test
    void onlyViewsAndTheBasePackageUseVaadin() {
        assertThat(List.of(APPLICATION, SECURITY_CONFIG)).as("the exempted classes exist").allMatch(CLASSES::contain);
        noClasses().that().resideOutsideOfPackages("..ui..", "org.compassioncourse.base..")
                .and().doNotHaveFullyQualifiedName(APPLICATION)
                .and().doNotHaveFullyQualifiedName(SECURITY_CONFIG)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("services must work without a browser page; views format what they return")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    /** Only views read the browser's time (base.ui.UserTime); services take and return instants. */
    @Test
    void onlyViewsReadTheBrowsersTime() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .should().dependOnClassesThat().belongToAnyOf(UserTime.class)
                .allowEmptyShould(false)
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
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoDependencyCycles() {
        slices().matching("org.compassioncourse.(*)..").should().beFreeOfCycles().allowEmptyShould(false).check(CLASSES);
    }
}
