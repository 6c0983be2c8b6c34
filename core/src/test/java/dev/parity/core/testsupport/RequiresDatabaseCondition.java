package dev.parity.core.testsupport;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresDatabase}. */
class RequiresDatabaseCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return context.getElement()
			.flatMap((element) -> AnnotationSupport.findAnnotation(element, RequiresDatabase.class))
			.map((annotation) -> evaluate(Arrays.asList(annotation.value())))
			.orElse(ConditionEvaluationResult.enabled("no database required"));
	}

	private static ConditionEvaluationResult evaluate(List<TestDatabases> servers) {
		for (TestDatabases server : servers) {
			String missing = server.unavailableReason();
			if (missing != null) {
				return ConditionEvaluationResult.disabled(missing);
			}
		}
		return ConditionEvaluationResult.enabled("servers available: " + servers);
	}

}
