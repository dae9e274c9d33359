// One browser for the whole run; servers are per test class (each journey gets a fresh store).
[assembly: AssemblyFixture(typeof(Vigil.E2E.Tests.Browser))]
