-- AlterTable
ALTER TABLE "ExternalLoad" ADD COLUMN     "checkedAt" TIMESTAMPTZ(3),
ADD COLUMN     "maxGuests" INTEGER;
