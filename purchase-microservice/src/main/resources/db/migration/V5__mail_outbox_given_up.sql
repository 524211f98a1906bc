-- An order e-mail that could not be sent for a day (an address the mail service refuses for good, say) is given
-- up: kept with the time, no longer tried, and no longer holding back the order's later e-mails.
ALTER TABLE mail_outbox ADD COLUMN given_up_at TIMESTAMP(6) NULL AFTER sent_at;
