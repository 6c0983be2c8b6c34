package dev.parity.core.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class only where the named real servers are available (environment URL or Docker);
 * otherwise JUnit reports it skipped, with the reason. See {@link TestDatabases}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresDatabaseCondition.class)
public @interface RequiresDatabase {

	TestDatabases[] value();

}
