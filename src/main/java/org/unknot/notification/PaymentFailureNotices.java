package org.unknot.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unknot.patient.Patients;
import org.unknot.payment.OnlinePaymentFailed;
import org.unknot.system.SiteAddress;

/**
 * Tells a patient that an online payment failed after the page (a bank debit refused):
 * the amount is still due, the booking stands, and where to pay.
 * <p>
 * Deliberately not an {@code @ApplicationModuleListener}: the message is planned in the
 * outbox in the webhook's own transaction, so it goes out exactly when the failure is
 * recorded, and once however often the provider says so.
 */
@Component
class PaymentFailureNotices {

	private final Notifications notifications;

	private final Patients patients;

	private final SiteAddress site;

	PaymentFailureNotices(Notifications notifications, Patients patients, SiteAddress site) {
		this.notifications = notifications;
		this.patients = patients;
		this.site = site;
	}

	@EventListener
	void on(OnlinePaymentFailed failed) {
		patients.find(failed.patientId().value())
			.ifPresent(patient -> notifications.paymentFailed(failed.failureId(), patient.id(), notifications
				.paymentFailedMessage(patient.givenName(), failed.amount().inWords(), site.link("/account/payments"))));
	}

}
