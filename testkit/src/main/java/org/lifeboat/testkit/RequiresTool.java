package org.lifeboat.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs external programs on {@code PATH}, such as {@code adb} or {@code restic}.
 *
 * <p>When a tool is missing, the test is skipped with a reason that names the tool and its Debian package. When the
 * environment variable {@code LIFEBOAT_REQUIRE_TOOLS=1} is set (as {@code .ci/run} does), a missing tool fails the
 * test instead, so that CI can never go green by skipping what it was meant to prove.
 *
 * <pre>{@code
 * @RequiresTool("restic")
 * class ResticReadsOurRepositoryTest { ... }
 * }</pre>
 *
 * <p>Use {@link ExternalTools#path(String)} to get the resolved executable.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresToolExtension.class)
public @interface RequiresTool {
    /** Program names as they are looked up on {@code PATH}, for example {@code "adb"}. */
    String[] value();
}
