-- CreateIndex
CREATE INDEX "installments_schedule_idx" ON "installments"("loan_id", "version", "n", "due_date", "principal_minor", "interest_minor", "fees_minor", "penalties_minor");
