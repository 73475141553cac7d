package org.unknot.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;

/**
 * The identifiers a superbill prints are kept by admins: a clinic's EIN and a
 * practitioner's taxonomy code, each refused beside its field when it cannot be one.
 */
@UnknotIntegrationTest
class BillingIdentifiersTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	TestNetwork network;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
	}

	@Nested
	class AClinicsTaxId {

		@Test
		void isKeptWithItsHyphenWhenTypedWithout() throws Exception {
			String clinic = network.clinic(1, 0, 0);

			MockHttpServletResponse saved = send(clinic(clinic).param("taxId", "901234567"));

			assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
			assertThat(taxId(clinic)).isEqualTo("90-1234567");
		}

		@Test
		void thatIsNoEinIsRefusedBesideTheFieldAndKeptAsTyped() throws Exception {
			String clinic = network.clinic(1, 0, 0);

			MockHttpServletResponse refused = send(clinic(clinic).param("taxId", "90-12345"));

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"taxId-error\"").contains("value=\"90-12345\"");
			assertThat(taxId(clinic)).isEqualTo("none");
		}

		@Test
		void mayBeLeftEmpty() throws Exception {
			String clinic = network.clinic(1, 0, 0);

			assertThat(send(clinic(clinic).param("taxId", "")).getStatus()).isEqualTo(302);
			assertThat(taxId(clinic)).isEqualTo("none");
		}

		private MockHttpServletRequestBuilder clinic(String clinic) {
			return post("/admin/clinics/{id}", clinic).param("name", "Billing clinic")
				.param("street", "1 Claim Street")
				.param("city", "Montclair")
				.param("state", "NJ")
				.param("postalCode", "07042")
				.param("phone", "(973) 555-0100");
		}

		private String taxId(String clinic) {
			return jdbc.sql("SELECT coalesce(tax_id, 'none') FROM clinic WHERE id = ?")
				.param(clinic)
				.query(String.class)
				.single();
		}

	}

	@Nested
	class APractitionersTaxonomyCode {

		@Test
		void isKeptInCapitals() throws Exception {
			String therapist = network.therapist();

			MockHttpServletResponse saved = send(profile(therapist).param("taxonomyCode", "225700000x"));

			assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
			assertThat(taxonomy(therapist)).isEqualTo("225700000X");
		}

		@Test
		void thatIsNoNuccCodeIsRefusedBesideTheField() throws Exception {
			String therapist = network.therapist();

			MockHttpServletResponse refused = send(profile(therapist).param("taxonomyCode", "2257000000"));

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"taxonomyCode-error\"")
				.contains("value=\"2257000000\"");
			assertThat(taxonomy(therapist)).isEqualTo("none");
		}

		private MockHttpServletRequestBuilder profile(String therapist) {
			return post("/admin/practitioners/{id}/profile", therapist).param("credentials", "LMT")
				.param("active", "true")
				.param("serviceIds", TestNetwork.MASSAGE);
		}

		private String taxonomy(String therapist) {
			return jdbc.sql("SELECT coalesce(taxonomy_code, 'none') FROM practitioner WHERE id = ?")
				.param(therapist)
				.query(String.class)
				.single();
		}

	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(SignedInAs.admin())).andReturn().getResponse();
	}

}
