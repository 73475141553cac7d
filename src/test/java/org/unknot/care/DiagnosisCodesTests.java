package org.unknot.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiagnosisCodesTests {

	@Test
	void shipsTheCuratedMusculoskeletalCodesWithTheirTitles() {
		DiagnosisCodes codes = new DiagnosisCodes();

		assertThat(codes.all()).hasSizeGreaterThanOrEqualTo(30);
		assertThat(codes.find("M54.6")).map(DiagnosisCode::title).contains("Pain in thoracic spine");
		assertThat(codes.find("m62.830")).map(DiagnosisCode::label).contains("M62.830 Muscle spasm of back");
		assertThat(codes.find("Z99.99")).isEmpty();
	}

	@Test
	void rangeOfMotionRefusesMoreThanAJointCanDo() {
		assertThat(RangeOfMotion.problems(91, 70, 181, 0)).extracting(problem -> problem.field())
			.containsExactly("cervicalRotationLeft", "shoulderFlexionLeft");
		assertThatThrownBy(() -> new RangeOfMotion(-1, null, null, null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new RangeOfMotion(90, 0, 180, null).measured()).isTrue();
	}

}
