package dev.parity.reports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.sf.jasperreports.engine.JasperCompileManager;

/** Every template compiles (JRXML 7 format, expressions valid). */
class JrxmlSmokeTests {

	@ParameterizedTest
	@ValueSource(strings = { "cover", "criteria", "tables", "discrepancies", "signoff" })
	void compiles(String template) throws Exception {
		JasperCompileManager.compileReport(getClass().getResourceAsStream("/reports/" + template + ".jrxml"));
	}

}
