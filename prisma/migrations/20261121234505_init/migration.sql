-- CreateTable
CREATE TABLE `Tenant` (
    `id` VARCHAR(32) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `slug` VARCHAR(64) NOT NULL,
    `planId` VARCHAR(32) NOT NULL,
    `status` ENUM('active','suspended','deleted') NOT NULL DEFAULT 'active',
    `timezone` VARCHAR(64) NOT NULL DEFAULT 'UTC',
    `retentionDays` INT NOT NULL DEFAULT 90,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Tenant_slug_key`(`slug`),
    INDEX `Tenant_planId_idx`(`planId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `User` (
    `id` VARCHAR(32) NOT NULL,
    `email` VARCHAR(254) NOT NULL,
    `name` VARCHAR(100) NULL,
    `passwordHash` VARCHAR(255) NOT NULL,
    `emailVerifiedAt` DATETIME(3) NULL,
    `lastTenantId` VARCHAR(32) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `User_email_key`(`email`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PasswordResetToken` (
    `id` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NOT NULL,
    `tokenHash` CHAR(64) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `usedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `PasswordResetToken_tokenHash_key`(`tokenHash`),
    INDEX `PasswordResetToken_userId_idx`(`userId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Membership` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NOT NULL,
    `role` ENUM('owner','admin','editor','viewer') NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `Membership_userId_idx`(`userId`),
    UNIQUE INDEX `Membership_tenantId_userId_key`(`tenantId`, `userId`),
    UNIQUE INDEX `Membership_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Invitation` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `email` VARCHAR(254) NOT NULL,
    `role` ENUM('owner','admin','editor','viewer') NOT NULL,
    `tokenHash` CHAR(64) NOT NULL,
    `invitedById` VARCHAR(32) NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `acceptedAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `Invitation_tokenHash_key`(`tokenHash`),
    INDEX `Invitation_tenantId_email_idx`(`tenantId`, `email`),
    UNIQUE INDEX `Invitation_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ApiKey` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `prefix` VARCHAR(16) NOT NULL,
    `hashedKey` CHAR(64) NOT NULL,
    `scopes` JSON NOT NULL,
    `createdById` VARCHAR(32) NULL,
    `lastUsedAt` DATETIME(3) NULL,
    `expiresAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `ApiKey_hashedKey_key`(`hashedKey`),
    INDEX `ApiKey_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    UNIQUE INDEX `ApiKey_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `InstagramAccount` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `igUserId` VARCHAR(64) NOT NULL,
    `appScopedUserId` VARCHAR(64) NULL,
    `username` VARCHAR(64) NOT NULL,
    `name` VARCHAR(100) NULL,
    `profilePictureUrl` TEXT NULL,
    `accessTokenCiphertext` TEXT NULL,
    `tokenKeyId` VARCHAR(32) NULL,
    `tokenIssuedAt` DATETIME(3) NULL,
    `tokenExpiresAt` DATETIME(3) NULL,
    `grantedScopes` VARCHAR(500) NULL,
    `status` ENUM('active','reconnect_required','paused','disconnected') NOT NULL DEFAULT 'active',
    `subscribedFields` JSON NOT NULL,
    `sendPerSecond` INT NOT NULL DEFAULT 100,
    `mediaSendPerSecond` INT NOT NULL DEFAULT 10,
    `privateRepliesPerHour` INT NOT NULL DEFAULT 750,
    `commentRepliesPerHour` INT NOT NULL DEFAULT 600,
    `conversationsPerSecond` INT NOT NULL DEFAULT 2,
    `lastWebhookAt` DATETIME(3) NULL,
    `lastErrorCode` INT NULL,
    `lastErrorSubcode` INT NULL,
    `lastErrorAt` DATETIME(3) NULL,
    `connectedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `disconnectedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `InstagramAccount_igUserId_key`(`igUserId`),
    INDEX `InstagramAccount_tenantId_status_idx`(`tenantId`, `status`),
    UNIQUE INDEX `InstagramAccount_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Automation` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `accountId` VARCHAR(32) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `status` ENUM('draft','active','paused') NOT NULL DEFAULT 'draft',
    `priority` INT NOT NULL DEFAULT 0,
    `triggerType` VARCHAR(32) NOT NULL,
    `trigger` JSON NOT NULL,
    `conditions` JSON NOT NULL,
    `actions` JSON NOT NULL,
    `version` INT NOT NULL DEFAULT 1,
    `createdById` VARCHAR(32) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    `deletedAt` DATETIME(3) NULL,
    INDEX `Automation_tenantId_accountId_status_priority_idx`(`tenantId`, `accountId`, `status`, `priority`),
    INDEX `Automation_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    UNIQUE INDEX `Automation_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Template` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `content` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Template_tenantId_name_key`(`tenantId`, `name`),
    UNIQUE INDEX `Template_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Contact` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `accountId` VARCHAR(32) NOT NULL,
    `igsid` VARCHAR(64) NOT NULL,
    `username` VARCHAR(64) NULL,
    `name` VARCHAR(100) NULL,
    `firstSeenAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastSeenAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastInboundAt` DATETIME(3) NULL,
    `awaitingReply` TINYINT(1) NOT NULL DEFAULT 0,
    `tags` JSON NOT NULL,
    `optedOut` TINYINT(1) NOT NULL DEFAULT 0,
    `unreachable` TINYINT(1) NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `Contact_tenantId_lastSeenAt_idx`(`tenantId`, `lastSeenAt`),
    INDEX `Contact_tenantId_username_idx`(`tenantId`, `username`),
    UNIQUE INDEX `Contact_tenantId_accountId_igsid_key`(`tenantId`, `accountId`, `igsid`),
    UNIQUE INDEX `Contact_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `WebhookEvent` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tenantId` VARCHAR(32) NOT NULL,
    `accountId` VARCHAR(32) NOT NULL,
    `dedupeKey` VARCHAR(191) NOT NULL,
    `kind` VARCHAR(32) NOT NULL,
    `senderId` VARCHAR(64) NOT NULL,
    `occurredAt` DATETIME(3) NOT NULL,
    `receivedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `processedAt` DATETIME(3) NULL,
    `status` ENUM('received','processed','skipped','failed') NOT NULL DEFAULT 'received',
    `payload` JSON NULL,
    `payloadExpiresAt` DATETIME(3) NULL,
    INDEX `WebhookEvent_tenantId_receivedAt_idx`(`tenantId`, `receivedAt`),
    INDEX `WebhookEvent_tenantId_accountId_receivedAt_idx`(`tenantId`, `accountId`, `receivedAt`),
    UNIQUE INDEX `WebhookEvent_tenantId_accountId_dedupeKey_key`(`tenantId`, `accountId`, `dedupeKey`),
    UNIQUE INDEX `WebhookEvent_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AutomationRun` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tenantId` VARCHAR(32) NOT NULL,
    `accountId` VARCHAR(32) NOT NULL,
    `webhookEventId` BIGINT NOT NULL,
    `automationId` VARCHAR(32) NULL,
    `automationVersion` INT NULL,
    `contactId` VARCHAR(32) NULL,
    `eventKind` VARCHAR(32) NOT NULL,
    `outcome` ENUM('matched','skipped','failed') NOT NULL,
    `reason` VARCHAR(500) NOT NULL,
    `matchedKeyword` VARCHAR(100) NULL,
    `mediaId` VARCHAR(64) NULL,
    `commentId` VARCHAR(64) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX `AutomationRun_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `AutomationRun_tenantId_accountId_createdAt_idx`(`tenantId`, `accountId`, `createdAt`),
    INDEX `AutomationRun_tenantId_automationId_contactId_createdAt_idx`(`tenantId`, `automationId`, `contactId`, `createdAt`),
    INDEX `AutomationRun_tenantId_contactId_createdAt_idx`(`tenantId`, `contactId`, `createdAt`),
    UNIQUE INDEX `AutomationRun_tenantId_id_key`(`tenantId`, `id`),
    UNIQUE INDEX `AutomationRun_tenantId_webhookEventId_automationId_key`(`tenantId`, `webhookEventId`, `automationId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OutboundMessage` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tenantId` VARCHAR(32) NOT NULL,
    `accountId` VARCHAR(32) NOT NULL,
    `automationId` VARCHAR(32) NOT NULL,
    `runId` BIGINT NULL,
    `webhookEventId` BIGINT NOT NULL,
    `actionIndex` INT NOT NULL,
    `contactId` VARCHAR(32) NULL,
    `kind` ENUM('public_reply','private_reply','dm','hide_comment','webhook') NOT NULL,
    `recipientIgsid` VARCHAR(64) NULL,
    `commentId` VARCHAR(64) NULL,
    `privateReplyCommentId` VARCHAR(64) NULL,
    `content` JSON NOT NULL,
    `status` ENUM('queued','sending','sent','failed','skipped','unknown') NOT NULL DEFAULT 'queued',
    `attempts` INT NOT NULL DEFAULT 0,
    `errorCode` INT NULL,
    `errorSubcode` INT NULL,
    `errorClass` VARCHAR(32) NULL,
    `reason` VARCHAR(500) NULL,
    `graphMessageId` VARCHAR(191) NULL,
    `claimedBy` VARCHAR(64) NULL,
    `claimedAt` DATETIME(3) NULL,
    `scheduledAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `sentAt` DATETIME(3) NULL,
    `latencyMs` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `OutboundMessage_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `OutboundMessage_tenantId_accountId_status_scheduledAt_idx`(`tenantId`, `accountId`, `status`, `scheduledAt`),
    INDEX `OutboundMessage_tenantId_automationId_createdAt_idx`(`tenantId`, `automationId`, `createdAt`),
    INDEX `OutboundMessage_tenantId_contactId_createdAt_idx`(`tenantId`, `contactId`, `createdAt`),
    INDEX `OutboundMessage_tenantId_accountId_graphMessageId_idx`(`tenantId`, `accountId`, `graphMessageId`),
    INDEX `OutboundMessage_tenantId_runId_idx`(`tenantId`, `runId`),
    INDEX `OutboundMessage_tenantId_webhookEventId_idx`(`tenantId`, `webhookEventId`),
    UNIQUE INDEX `OutboundMessage_tenantId_id_key`(`tenantId`, `id`),
    UNIQUE INDEX `OutboundMessage_tenantId_automationId_webhookEventId_actionI_key`(`tenantId`, `automationId`, `webhookEventId`, `actionIndex`),
    UNIQUE INDEX `OutboundMessage_tenantId_accountId_privateReplyCommentId_key`(`tenantId`, `accountId`, `privateReplyCommentId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TrackedLink` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `code` VARCHAR(16) NOT NULL,
    `url` TEXT NOT NULL,
    `automationId` VARCHAR(32) NULL,
    `outboundMessageId` BIGINT NULL,
    `clickCount` INT NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `TrackedLink_code_key`(`code`),
    INDEX `TrackedLink_tenantId_automationId_createdAt_idx`(`tenantId`, `automationId`, `createdAt`),
    INDEX `TrackedLink_tenantId_outboundMessageId_idx`(`tenantId`, `outboundMessageId`),
    UNIQUE INDEX `TrackedLink_tenantId_id_key`(`tenantId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LinkClick` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tenantId` VARCHAR(32) NOT NULL,
    `linkId` VARCHAR(32) NOT NULL,
    `clickedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `visitorHash` CHAR(64) NULL,
    `userAgent` VARCHAR(255) NULL,
    INDEX `LinkClick_tenantId_linkId_clickedAt_idx`(`tenantId`, `linkId`, `clickedAt`),
    INDEX `LinkClick_tenantId_clickedAt_idx`(`tenantId`, `clickedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Plan` (
    `id` VARCHAR(32) NOT NULL,
    `key` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `priceCents` INT NOT NULL DEFAULT 0,
    `monthlyDmLimit` INT NOT NULL,
    `monthlyReplyLimit` INT NOT NULL,
    `accountLimit` INT NOT NULL,
    `memberLimit` INT NOT NULL,
    `automationLimit` INT NOT NULL,
    `retentionDays` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Plan_key_key`(`key`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Subscription` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `planId` VARCHAR(32) NOT NULL,
    `status` ENUM('trialing','active','past_due','canceled') NOT NULL DEFAULT 'active',
    `currentPeriodStart` DATETIME(3) NOT NULL,
    `currentPeriodEnd` DATETIME(3) NOT NULL,
    `cancelAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Subscription_tenantId_key`(`tenantId`),
    INDEX `Subscription_planId_idx`(`planId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `UsageCounter` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `period` CHAR(7) NOT NULL,
    `dmsSent` INT NOT NULL DEFAULT 0,
    `privateReplies` INT NOT NULL DEFAULT 0,
    `publicReplies` INT NOT NULL DEFAULT 0,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `UsageCounter_tenantId_period_key`(`tenantId`, `period`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuditLog` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tenantId` VARCHAR(32) NOT NULL,
    `actorUserId` VARCHAR(32) NULL,
    `actorApiKeyId` VARCHAR(32) NULL,
    `action` VARCHAR(64) NOT NULL,
    `targetType` VARCHAR(32) NOT NULL,
    `targetId` VARCHAR(64) NULL,
    `metadata` JSON NULL,
    `ip` VARCHAR(45) NULL,
    `userAgent` VARCHAR(255) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX `AuditLog_tenantId_createdAt_idx`(`tenantId`, `createdAt`),
    INDEX `AuditLog_tenantId_targetType_targetId_idx`(`tenantId`, `targetType`, `targetId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DailyStat` (
    `id` VARCHAR(32) NOT NULL,
    `tenantId` VARCHAR(32) NOT NULL,
    `day` DATE NOT NULL,
    `accountId` VARCHAR(32) NOT NULL DEFAULT '',
    `automationId` VARCHAR(32) NOT NULL DEFAULT '',
    `events` INT NOT NULL DEFAULT 0,
    `runsMatched` INT NOT NULL DEFAULT 0,
    `runsSkipped` INT NOT NULL DEFAULT 0,
    `sent` INT NOT NULL DEFAULT 0,
    `failed` INT NOT NULL DEFAULT 0,
    `skipped` INT NOT NULL DEFAULT 0,
    `clicks` INT NOT NULL DEFAULT 0,
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `DailyStat_tenantId_day_accountId_automationId_key`(`tenantId`, `day`, `accountId`, `automationId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Tenant` ADD CONSTRAINT `Tenant_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `Plan`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PasswordResetToken` ADD CONSTRAINT `PasswordResetToken_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Membership` ADD CONSTRAINT `Membership_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Membership` ADD CONSTRAINT `Membership_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Invitation` ADD CONSTRAINT `Invitation_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApiKey` ADD CONSTRAINT `ApiKey_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `InstagramAccount` ADD CONSTRAINT `InstagramAccount_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Automation` ADD CONSTRAINT `Automation_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Automation` ADD CONSTRAINT `Automation_tenantId_accountId_fkey` FOREIGN KEY (`tenantId`, `accountId`) REFERENCES `InstagramAccount`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Template` ADD CONSTRAINT `Template_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Contact` ADD CONSTRAINT `Contact_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Contact` ADD CONSTRAINT `Contact_tenantId_accountId_fkey` FOREIGN KEY (`tenantId`, `accountId`) REFERENCES `InstagramAccount`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `WebhookEvent` ADD CONSTRAINT `WebhookEvent_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `WebhookEvent` ADD CONSTRAINT `WebhookEvent_tenantId_accountId_fkey` FOREIGN KEY (`tenantId`, `accountId`) REFERENCES `InstagramAccount`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AutomationRun` ADD CONSTRAINT `AutomationRun_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AutomationRun` ADD CONSTRAINT `AutomationRun_tenantId_accountId_fkey` FOREIGN KEY (`tenantId`, `accountId`) REFERENCES `InstagramAccount`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AutomationRun` ADD CONSTRAINT `AutomationRun_tenantId_webhookEventId_fkey` FOREIGN KEY (`tenantId`, `webhookEventId`) REFERENCES `WebhookEvent`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AutomationRun` ADD CONSTRAINT `AutomationRun_tenantId_automationId_fkey` FOREIGN KEY (`tenantId`, `automationId`) REFERENCES `Automation`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AutomationRun` ADD CONSTRAINT `AutomationRun_tenantId_contactId_fkey` FOREIGN KEY (`tenantId`, `contactId`) REFERENCES `Contact`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboundMessage` ADD CONSTRAINT `OutboundMessage_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboundMessage` ADD CONSTRAINT `OutboundMessage_tenantId_accountId_fkey` FOREIGN KEY (`tenantId`, `accountId`) REFERENCES `InstagramAccount`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboundMessage` ADD CONSTRAINT `OutboundMessage_tenantId_automationId_fkey` FOREIGN KEY (`tenantId`, `automationId`) REFERENCES `Automation`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboundMessage` ADD CONSTRAINT `OutboundMessage_tenantId_runId_fkey` FOREIGN KEY (`tenantId`, `runId`) REFERENCES `AutomationRun`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboundMessage` ADD CONSTRAINT `OutboundMessage_tenantId_webhookEventId_fkey` FOREIGN KEY (`tenantId`, `webhookEventId`) REFERENCES `WebhookEvent`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboundMessage` ADD CONSTRAINT `OutboundMessage_tenantId_contactId_fkey` FOREIGN KEY (`tenantId`, `contactId`) REFERENCES `Contact`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TrackedLink` ADD CONSTRAINT `TrackedLink_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TrackedLink` ADD CONSTRAINT `TrackedLink_tenantId_automationId_fkey` FOREIGN KEY (`tenantId`, `automationId`) REFERENCES `Automation`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TrackedLink` ADD CONSTRAINT `TrackedLink_tenantId_outboundMessageId_fkey` FOREIGN KEY (`tenantId`, `outboundMessageId`) REFERENCES `OutboundMessage`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LinkClick` ADD CONSTRAINT `LinkClick_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LinkClick` ADD CONSTRAINT `LinkClick_tenantId_linkId_fkey` FOREIGN KEY (`tenantId`, `linkId`) REFERENCES `TrackedLink`(`tenantId`, `id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Subscription` ADD CONSTRAINT `Subscription_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Subscription` ADD CONSTRAINT `Subscription_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `Plan`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `UsageCounter` ADD CONSTRAINT `UsageCounter_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AuditLog` ADD CONSTRAINT `AuditLog_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DailyStat` ADD CONSTRAINT `DailyStat_tenantId_fkey` FOREIGN KEY (`tenantId`) REFERENCES `Tenant`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
