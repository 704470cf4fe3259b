package org.lifeboat.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips, or under {@code LIFEBOAT_REQUIRE_TOOLS=1} fails, tests whose {@link RequiresTool} programs are missing.
 *
 * <p>The failure is raised from a before-callback rather than from the condition, so JUnit reports it as a failed
 * test with our message instead of an engine error.
 */
final class RequiresToolExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = missingTools(context);
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("all required tools are on PATH");
        }
        if (ExternalTools.toolsRequired()) {
            return ConditionEvaluationResult.enabled("tools are missing, and the test will fail because "
                    + ExternalTools.REQUIRE_TOOLS_VARIABLE + " is set");
        }
        return ConditionEvaluationResult.disabled(
                describe(missing) + "; skipped because " + ExternalTools.REQUIRE_TOOLS_VARIABLE + " is not set");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        failIfMissing(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failIfMissing(context);
    }

    private static void failIfMissing(ExtensionContext context) {
        List<String> missing = missingTools(context);
        if (!missing.isEmpty() && ExternalTools.toolsRequired()) {
            throw new AssertionError(describe(missing) + ", and " + ExternalTools.REQUIRE_TOOLS_VARIABLE
                    + "=1 requires every external tool to be present");
        }
    }

    private static String describe(List<String> missing) {
        List<String> parts = new ArrayList<>();
        for (String tool : missing) {
            parts.add(tool + " is not on PATH (" + ExternalTools.installHint(tool) + ")");
        }
        return String.join("; ", parts);
    }

    private static List<String> missingTools(ExtensionContext context) {
        Set<String> wanted = new LinkedHashSet<>();
        context.getTestClass().ifPresent(c -> collect(c, wanted));
        context.getTestMethod().ifPresent(m -> collect(m, wanted));
        List<String> missing = new ArrayList<>();
        for (String tool : wanted) {
            if (ExternalTools.find(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        return missing;
    }

    private static void collect(AnnotatedElement element, Set<String> into) {
        RequiresTool annotation = element.getAnnotation(RequiresTool.class);
        if (annotation != null) {
            into.addAll(List.of(annotation.value()));
        }
        if (element instanceof Class<?> type && type.getEnclosingClass() != null) {
            collect(type.getEnclosingClass(), into);
        }
    }
}
