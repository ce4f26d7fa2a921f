-- CreateTable
CREATE TABLE `DataDeletionRequest` (
    `id` VARCHAR(32) NOT NULL,
    `confirmationCode` VARCHAR(32) NOT NULL,
    `igUserId` VARCHAR(64) NOT NULL,
    `tenantId` VARCHAR(32) NULL,
    `accountId` VARCHAR(32) NULL,
    `status` ENUM('pending','completed') NOT NULL DEFAULT 'pending',
    `contactsErased` INT NOT NULL DEFAULT 0,
    `requestedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `completedAt` DATETIME(3) NULL,
    UNIQUE INDEX `DataDeletionRequest_confirmationCode_key`(`confirmationCode`),
    INDEX `DataDeletionRequest_status_requestedAt_idx`(`status`, `requestedAt`),
    INDEX `DataDeletionRequest_igUserId_idx`(`igUserId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateIndex
CREATE INDEX `InstagramAccount_appScopedUserId_idx` ON `InstagramAccount`(`appScopedUserId`);
