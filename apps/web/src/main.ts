// One page, two tools: the console (Vue) everywhere, and at /graphiql the analysts' GraphQL explorer (GraphiQL,
// React, Monaco), each loaded only where it is used.
if (location.pathname === '/graphiql') void import('./graphiql/main');
else void import('./console');
