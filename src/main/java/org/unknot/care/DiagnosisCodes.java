package org.unknot.care;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The working diagnoses a practitioner may choose from: a curated list of ICD-10-CM codes
 * for musculoskeletal pain shipped with Unknot ({@code care/diagnosis-codes.tsv}).
 */
@Component
public class DiagnosisCodes {

	static final String RESOURCE = "care/diagnosis-codes.tsv";

	private final Map<String, DiagnosisCode> byCode;

	DiagnosisCodes() {
		this.byCode = read(new ClassPathResource(RESOURCE));
	}

	public List<DiagnosisCode> all() {
		return List.copyOf(byCode.values());
	}

	public Optional<DiagnosisCode> find(String code) {
		return Optional.ofNullable(code == null ? null : byCode.get(code.strip().toUpperCase()));
	}

	private static Map<String, DiagnosisCode> read(ClassPathResource resource) {
		Map<String, DiagnosisCode> codes = new LinkedHashMap<>();
		try (var reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t", 2);
				if (parts.length != 2) {
					throw new IllegalStateException("A line of " + RESOURCE + " is a code, a tab and a title: " + line);
				}
				DiagnosisCode code = new DiagnosisCode(parts[0].strip(), parts[1].strip());
				codes.put(code.code(), code);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, e);
		}
		return codes;
	}

}
