// Registered only for the sites the reader chose for auto-scan: scans once the page is idle.
globalThis.__claimlensContent?.scan().catch(() => {});
