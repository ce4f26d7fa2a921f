-- CreateIndex
CREATE INDEX `AutomationRun_tenantId_automationId_createdAt_idx` ON `AutomationRun`(`tenantId`, `automationId`, `createdAt`);

-- CreateIndex
CREATE INDEX `OutboundMessage_tenantId_accountId_createdAt_idx` ON `OutboundMessage`(`tenantId`, `accountId`, `createdAt`);
