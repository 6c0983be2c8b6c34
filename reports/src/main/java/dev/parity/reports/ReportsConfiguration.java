package dev.parity.reports;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.readiness.ExitCriteria;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.RunRepository;

/** The sign-off report's beans. */
@Configuration(proxyBeanMethods = false)
public class ReportsConfiguration {

	@Bean
	SignOffReportBuilder signOffReportBuilder(ParityConfig config, ExitCriteria exitCriteria,
			CheckResultRepository results, DiscrepancyRepository discrepancies, RunRepository runs, AuditLog audit,
			Clock clock) {
		return new SignOffReportBuilder(config, exitCriteria, results, discrepancies, runs, audit, clock);
	}

	@Bean
	PdfReportRenderer pdfReportRenderer() {
		return new PdfReportRenderer();
	}

}
