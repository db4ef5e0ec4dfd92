package dev.mcpweb.render;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks tests that drive a real Chromium: tagged {@code browser}, and skipped with a notice on stderr
 * when none is installed (bin/test installs Debian's chromium when it runs as root).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserTest.RequiresChromium.class)
public @interface BrowserTest {
    final class RequiresChromium implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Chromium.find(Optional.empty()).isPresent()) {
                return ConditionEvaluationResult.enabled("Chromium is installed");
            }
            String why = "SKIPPED browser test " + context.getDisplayName()
                    + ": no Chromium installed (apt-get install chromium)";
            System.err.println(why);
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
