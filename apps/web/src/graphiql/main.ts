// The analysts' explorer at /graphiql: GraphiQL with every asset bundled here (no CDN: a city intranet reaches
// none), the token of the console's sign-in in this tab, the served schema as built (so it works where
// introspection is switched off), and saved example operations. Subscriptions go over graphql-ws like the console's.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import schemaSdl from '../../../../schema.gql?raw';
import { storedToken } from '../auth/token-storage';
import { exampleTabs } from './examples';

const token = storedToken();
const authorization = token ? { authorization: `Bearer ${token}` } : undefined;

const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  headers: authorization,
  enableIncrementalDelivery: false,
  wsClient: createClient({
    url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`,
    connectionParams: authorization,
    lazy: true,
  }),
});

const notice = token
  ? '已使用控制台登录身份发送请求'
  : '未登录：仅可查询公开数据（tiers、districts、policyVersions）；请先在控制台登录';

document.title = 'GraphQL 查询台 · Cultivation Ledger';
createRoot(document.getElementById('app')!).render(
  createElement(
    StrictMode,
    null,
    createElement(
      GraphiQL,
      {
        fetcher,
        schema: buildSchema(schemaSdl),
        defaultTabs: exampleTabs(),
        defaultEditorToolsVisibility: 'variables',
        isHeadersEditorEnabled: false,
      },
      createElement(
        GraphiQL.Logo,
        null,
        createElement('a', { href: '/dashboard', className: 'cl-explorer-home' }, '培育台账'),
        ' · GraphQL 查询台',
      ),
      createElement(GraphiQL.Footer, null, createElement('div', { className: 'cl-explorer-notice' }, notice)),
    ),
  ),
);
