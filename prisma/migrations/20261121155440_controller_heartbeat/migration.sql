-- CreateTable
CREATE TABLE "ControllerHeartbeat" (
    "controllerId" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "ariConnected" BOOLEAN NOT NULL,
    "asteriskVersion" TEXT,
    "asteriskUptimeSeconds" INTEGER,
    "activeCalls" INTEGER NOT NULL,
    "maxCalls" INTEGER NOT NULL,
    "intervalMs" INTEGER NOT NULL,
    "tokenId" TEXT,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControllerHeartbeat_pkey" PRIMARY KEY ("controllerId")
);
