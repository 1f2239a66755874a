-- CreateTable
CREATE TABLE "portfolio_days" (
    "as_of" DATE NOT NULL,
    "bucket" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "loans" INTEGER NOT NULL,
    "outstanding_minor" BIGINT NOT NULL,

    CONSTRAINT "portfolio_days_pkey" PRIMARY KEY ("as_of","bucket","currency")
);
